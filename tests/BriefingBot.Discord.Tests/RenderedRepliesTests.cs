using System.Text;
using System.Text.Json;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>Kept layouts: the same reply is laid out once a day, and a new day says its "days ago" afresh.</summary>
public sealed class RenderedRepliesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 9, 12, 0, 0, TimeSpan.Zero);

    private static Reply Terms() => new("Terms of the plan (P1)",
    [
        new ReplySection(null, [new ReplyLine("Ceasefire along the line of contact",
            new LineProvenance(new FactCode(FactKind.Term, 1), new SourceRef("Reuters", null, new DateOnly(2025, 3, 6)), Confidence.Reported, Now, false))]),
    ]);

    [Fact]
    public void A_kept_reply_is_answered_with_the_same_bytes_until_the_day_changes()
    {
        var time = new FakeTimeProvider(Now);
        var rendered = new RenderedReplies(new EmbedRenderer(time), time);
        var reply = Terms();

        var first = rendered.Message(reply);
        Assert.Same(first, rendered.Message(reply));
        var json = Encoding.UTF8.GetString(rendered.Json(first));
        Assert.Equal(JsonSerializer.Serialize(first, DiscordRestClient.Json), json);
        Assert.Contains("3 days ago", json);

        time.Advance(TimeSpan.FromDays(1));
        var next = rendered.Message(reply);
        Assert.NotSame(first, next);
        Assert.Contains("4 days ago", Encoding.UTF8.GetString(rendered.Json(next)));
    }

    [Fact]
    public void A_reply_with_a_file_is_laid_out_afresh_each_time()
    {
        var time = new FakeTimeProvider(Now);
        var rendered = new RenderedReplies(new EmbedRenderer(time), time);
        var reply = Terms() with { Attachments = [new ReplyAttachment("contacts.png", "image/png", [1, 2, 3])] };

        Assert.NotSame(rendered.Message(reply), rendered.Message(reply));
    }
}
