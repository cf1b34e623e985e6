using System.Text.Json;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>Facts citing many sources still render as one short citation each, within Discord's limits.</summary>
public sealed class SeveralSourcesRenderingTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EmbedRenderer _renderer = new(new FakeTimeProvider(Now));

    /// <summary>A fact citing Reuters first, then <paramref name="count"/> more with long names, every third disputing it.</summary>
    private static ReplyLine Fact(int n, int count)
    {
        var first = new SourceRef("Reuters", "https://www.reuters.com/world/call", new DateOnly(2025, 3, 18));
        var sources = Enumerable.Range(1, count).Select(i => new CitedSource(
            new SourceRef($"Outlet {i} " + new string('o', 90), $"https://example.org/{i}", new DateOnly(2025, 3, 19)),
            i % 3 == 0 ? SourceStance.Disputes : SourceStance.Confirms)).Prepend(new CitedSource(first)).ToList();
        return new ReplyLine($"Call {n} between Vladimir Putin and Donald Trump: a 30-day halt to strikes on energy infrastructure",
            new LineProvenance(new FactCode(FactKind.Contact, n), first, Confidence.Reported, Now, false) { Sources = sources });
    }

    [Fact]
    public void Thirty_sources_on_a_fact_read_as_one_line_and_link_the_first()
    {
        var embed = Assert.Single(_renderer.Render(new Reply("Contacts", [new ReplySection(null, [Fact(7, 30)])])).Embeds!);
        Assert.Contains(
            "\n-# Reuters, Outlet 1… and 19 others, latest 19 March 2025 (11 days ago) · reported · disputed by Outlet 3…, Outlet 6… and 8 others · [link](https://www.reuters.com/world/call)",
            embed.Description);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(300)]
    public void Many_facts_with_thirty_sources_each_fit_Discords_limits(int facts)
    {
        var reply = new Reply("Contacts", [new ReplySection("Contacts", Enumerable.Range(1, facts).Select(i => Fact(i, 30)).ToList())]);
        var message = _renderer.Render(reply);
        var embeds = message.Embeds!;
        Assert.InRange(embeds.Count, 1, EmbedLimits.EmbedsPerMessage);
        Assert.True(EmbedLimits.Count(embeds) <= EmbedLimits.Total, $"total {EmbedLimits.Count(embeds)}");
        Assert.All(embeds, e => Assert.True((e.Description?.Length ?? 0) <= EmbedLimits.Description));
        var text = string.Join("\n", embeds.Select(e => e.Description));
        var shown = System.Text.RegularExpressions.Regex.Count(text, "`C\\d+`");
        Assert.True(shown >= Math.Min(facts, 10), $"{shown} facts shown");
        if (shown < facts)
        {
            Assert.Contains($"… and {facts - shown} more that do not fit in one Discord message (C{shown + 1}", embeds[^1].Description);
            Assert.EndsWith("/history <id> shows any of them, or ask a narrower question.", embeds[^1].Description);
        }
        DiscordSpec.Shared.AssertValid(JsonSerializer.Serialize(InteractionResponse.Message(message), DiscordRestClient.Json),
            "CreateMessageInteractionCallbackRequest");
    }
}
