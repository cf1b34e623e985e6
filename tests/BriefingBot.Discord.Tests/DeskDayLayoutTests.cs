using System.Text;
using BriefingBot.Discord.Rendering;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>A kept Discord layout says "N days ago" of the desk's day, so it is laid out afresh at the desk's midnight, not UTC's.</summary>
public sealed class DeskDayLayoutTests
{
    [Fact]
    public void A_kept_layout_turns_over_at_the_desks_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 9, 21, 59, 0, TimeSpan.Zero)); // 23:59 on 9 March in Kyiv
        var kyiv = DeskZone.Find("Europe/Kyiv")!;
        var rendered = new RenderedReplies(new EmbedRenderer(time, kyiv), time, kyiv);
        var reply = new Reply("Terms of the plan (P1)",
        [
            new ReplySection(null, [new ReplyLine("Ceasefire along the line of contact",
                new LineProvenance(new FactCode(FactKind.Term, 1), new SourceRef("Reuters", null, new DateOnly(2025, 3, 6)), Confidence.Reported, time.GetUtcNow(), false))]),
        ]);

        var evening = rendered.Message(reply);
        Assert.Contains("Reuters, 6 March 2025 (3 days ago)", Encoding.UTF8.GetString(rendered.Json(evening)));

        time.Advance(TimeSpan.FromMinutes(2)); // 00:01 on 10 March in Kyiv, still 9 March in UTC
        var morning = rendered.Message(reply);
        Assert.NotSame(evening, morning);
        Assert.Contains("Reuters, 6 March 2025 (4 days ago)", Encoding.UTF8.GetString(rendered.Json(morning)));

        time.Advance(TimeSpan.FromHours(2)); // past UTC's midnight: the desk's day is the same
        Assert.Same(morning, rendered.Message(reply));
    }
}
