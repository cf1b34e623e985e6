using System.Text;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>A kept Slack message says "N days ago" of the desk's day, so it is laid out afresh at the desk's midnight, not UTC's.</summary>
public sealed class DeskDayLayoutTests
{
    [Fact]
    public void A_kept_message_turns_over_at_the_desks_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 3, 29, 0, TimeSpan.Zero)); // 23:29 on 9 March in New York
        var newYork = DeskZone.Find("America/New_York")!;
        var rendered = new RenderedSlackReplies(new BlockKitRenderer(time, newYork), time, newYork);
        var reply = new Reply("Terms of the plan (P1)",
        [
            new ReplySection(null, [new ReplyLine("Ceasefire along the line of contact",
                new LineProvenance(new FactCode(FactKind.Term, 1), new SourceRef("Reuters", null, new DateOnly(2025, 3, 6)), Confidence.Reported, time.GetUtcNow(), false))]),
        ]);

        var evening = rendered.Render(reply);
        Assert.Contains("6 March 2025 (3 days ago)", Encoding.UTF8.GetString(rendered.ResponseJson(evening)));
        time.Advance(TimeSpan.FromMinutes(30)); // 23:59, and 03:59 on 10 March in UTC: the same desk day
        Assert.Same(evening, rendered.Render(reply));

        time.Advance(TimeSpan.FromMinutes(2)); // 00:01 on 10 March in New York
        var morning = rendered.Render(reply);
        Assert.NotSame(evening, morning);
        Assert.Contains("6 March 2025 (4 days ago)", Encoding.UTF8.GetString(rendered.ResponseJson(morning)));
    }
}
