using System.Text.Json;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>Facts citing many sources still render as one short citation each, within Slack's limits.</summary>
public sealed class SeveralSourcesRenderingTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 3, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly BlockKitRenderer _renderer = new(Time);

    private static ReplyLine Fact(int n, int count)
    {
        var first = new SourceRef("Reuters", "https://www.reuters.com/world/call", new DateOnly(2025, 3, 18));
        var sources = Enumerable.Range(1, count).Select(i => new CitedSource(
            new SourceRef($"<!channel> Outlet {i} & " + new string('o', 90), $"https://example.org/{i}", new DateOnly(2025, 3, 19)),
            i % 3 == 0 ? SourceStance.Disputes : SourceStance.Confirms)).Prepend(new CitedSource(first)).ToList();
        return new ReplyLine($"Call {n} between Vladimir Putin and Donald Trump",
            new LineProvenance(new FactCode(FactKind.Contact, n), first, Confidence.Reported, Time.GetUtcNow(), false) { Sources = sources });
    }

    private static IEnumerable<string> Texts(SlackMessage m) =>
        JsonDocument.Parse(m.Blocks.ToJsonString()).RootElement.EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "section").Select(b => b.GetProperty("text").GetProperty("text").GetString()!);

    [Fact]
    public void Thirty_sources_read_as_one_line_that_links_the_first_and_escapes_the_rest()
    {
        var text = string.Join("\n", Texts(_renderer.Render(new Reply("Contacts", [new ReplySection(null, [Fact(7, 30)])]))));
        Assert.Contains("_<https://www.reuters.com/world/call|Reuters>, &lt;!channel&gt; Outlet 1 &amp;… and 19 others, latest 19 March 2025 (11 days ago) · reported · disputed by &lt;!channel&gt; Outlet 3 &amp;…, &lt;!channel&gt; Outlet 6 &amp;… and 8 others_", text);
        Assert.DoesNotContain("<!channel>", text);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(300)]
    public void Many_facts_with_thirty_sources_each_fit_Slacks_limits(int facts)
    {
        var reply = new Reply("Contacts", [new ReplySection("Contacts", Enumerable.Range(1, facts).Select(i => Fact(i, 30)).ToList())]);
        var message = _renderer.Render(reply);
        Assert.Empty(BlockKit.Check(JsonDocument.Parse(message.Blocks.ToJsonString()).RootElement));
        var shown = Texts(message).Sum(t => t.Split("`C").Length - 1);
        Assert.True(shown >= 10, $"{shown} facts shown");
        Assert.Equal(facts, shown + message.LeftOut);
        foreach (var page in _renderer.RenderPages(reply)) Assert.Empty(BlockKit.Check(JsonDocument.Parse(page.Blocks.ToJsonString()).RootElement));
    }
}
