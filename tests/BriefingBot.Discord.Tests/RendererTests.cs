using System.Text.Json;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>The embed renderer: provenance on every fact, visibility, mentions off, and Discord's limits whatever the size.</summary>
public sealed class RendererTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EmbedRenderer _renderer = new(new FakeTimeProvider(Now));

    private static ReplyLine Fact(int n, string text, bool stale = false, string? url = null) => new(text,
        new LineProvenance(new FactCode(FactKind.Term, n), new SourceRef("Reuters", url, new DateOnly(2025, 3, 6)), Confidence.Reported, Now, stale));

    private static string Json(MessagePayload message) => JsonSerializer.Serialize(InteractionResponse.Message(message), DiscordRestClient.Json);

    [Fact]
    public void Each_fact_shows_its_id_source_date_confidence_and_staleness()
    {
        var reply = new Reply("Terms", [new ReplySection("Terms", [Fact(4, "Duration: one month", stale: true, url: "https://example.org/a"), Fact(5, "Scope: air and sea")])], "As of today");
        var message = _renderer.Render(reply);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Terms", embed.Title);
        Assert.Contains("`T4` Duration: one month\n-# ⚠ Reuters, 6 March 2025 (24 days ago) · reported · possibly out of date · [link](https://example.org/a)", embed.Description);
        Assert.Contains("`T5` Scope: air and sea\n-# Reuters, 6 March 2025 (24 days ago) · reported", embed.Description);
        Assert.DoesNotContain("⚠ Reuters, 6 March 2025 (24 days ago) · reported\n", embed.Description + "\n");
        Assert.Equal("As of today", embed.Footer!.Text);
        Assert.Null(message.Flags);
        Assert.Empty(message.AllowedMentions!.Parse);
        DiscordSpec.Shared.AssertValid(Json(message), "CreateMessageInteractionCallbackRequest");
    }

    [Fact]
    public void Errors_and_confirmations_are_only_for_the_asker()
    {
        Assert.Equal(64, _renderer.Render(Reply.Error("No.")).Flags);
        Assert.Equal(64, _renderer.Render(Reply.Confirmation("Updated T4.")).Flags);
        var longError = Reply.Error(new string('x', 600));
        var embed = Assert.Single(_renderer.Render(longError).Embeds!);
        Assert.Null(embed.Title);
        Assert.Equal(600, embed.Description!.Length);
    }

    [Fact]
    public void Mentions_in_text_are_sent_with_parsing_off()
    {
        var json = Json(_renderer.Render(new Reply("@everyone look", [new ReplySection(null, [Fact(1, "<@&123> and @here")])])));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("[]", doc.RootElement.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetRawText());
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(60, 900)]
    [InlineData(500, 1000)]
    [InlineData(3, 5000)]
    public void Any_size_fits_Discords_limits_with_an_and_N_more_line(int lines, int length)
    {
        var sections = Enumerable.Range(0, 3).Select(s => new ReplySection(new string('H', 300),
            Enumerable.Range(1, lines).Select(i => Fact(s * 1000 + i, $"{i} " + new string('a', length))).ToList(), "more in /search")).ToList();
        var reply = new Reply(new string('T', 300), sections, new string('F', 3000));
        var message = _renderer.Render(reply);
        var embeds = message.Embeds!;
        Assert.InRange(embeds.Count, 1, EmbedLimits.EmbedsPerMessage);
        Assert.True(EmbedLimits.Count(embeds) <= EmbedLimits.Total, $"total {EmbedLimits.Count(embeds)}");
        Assert.All(embeds, e =>
        {
            Assert.True((e.Title?.Length ?? 0) <= EmbedLimits.Title);
            Assert.True((e.Description?.Length ?? 0) <= EmbedLimits.Description);
            Assert.True((e.Footer?.Text.Length ?? 0) <= EmbedLimits.Footer);
        });
        var text = string.Join("\n", embeds.Select(e => e.Description));
        var shown = System.Text.RegularExpressions.Regex.Count(text, "`T\\d+`");
        var total = lines * 3;
        // The cut falls in a section whose hint says where the rest is: it follows the count.
        if (shown < total)
        {
            Assert.Contains($"… and {total - shown} more that do not fit in one Discord message (T", embeds[^1].Description);
            Assert.EndsWith("); /history <id> shows any of them, or ask a narrower question.\n*more in /search*", embeds[^1].Description);
        }
        else Assert.DoesNotContain("… and", text);
        DiscordSpec.Shared.AssertValid(Json(message), "CreateMessageInteractionCallbackRequest");
    }

    [Fact]
    public void Fit_cuts_fields_and_embeds_to_the_limits_and_counts_what_it_left_out()
    {
        var field = new EmbedField(new string('n', 300), new string('v', 2000));
        var embeds = Enumerable.Range(0, 12).Select(i => new Embed
        {
            Title = new string('t', 300),
            Description = new string('d', 5000),
            Footer = new EmbedFooter(new string('f', 3000)),
            Fields = Enumerable.Repeat(field, 30).ToList(),
        }).ToList();
        var fitted = EmbedLimits.Fit(embeds);
        Assert.InRange(fitted.Count, 1, EmbedLimits.EmbedsPerMessage);
        Assert.True(EmbedLimits.Count(fitted) <= EmbedLimits.Total);
        Assert.All(fitted, e =>
        {
            Assert.True(e.Title!.Length <= EmbedLimits.Title);
            Assert.True(e.Description!.Length <= EmbedLimits.Description);
            Assert.True((e.Fields?.Count ?? 0) <= EmbedLimits.Fields);
            Assert.All(e.Fields ?? [], f => Assert.True(f.Name.Length <= EmbedLimits.FieldName && f.Value.Length <= EmbedLimits.FieldValue));
        });
        var kept = fitted.Count + fitted.Sum(e => e.Fields?.Count ?? 0);
        Assert.EndsWith($"… and {12 + 12 * 30 - kept} more that do not fit in one Discord message; ask a narrower question to see them.", fitted[^1].Description);
        var json = JsonSerializer.Serialize(InteractionResponse.Message(new MessagePayload { Embeds = fitted }), DiscordRestClient.Json);
        DiscordSpec.Shared.AssertValid(json, "CreateMessageInteractionCallbackRequest");
        Assert.Equal(5000, embeds[0].Description!.Length); // the input is left as it was
    }

    [Fact]
    public void A_cut_list_that_pages_keeps_its_page_hint_after_the_count()
    {
        // Fifteen long contacts, a page of them, then a second section that comes after the cut.
        var page = Enumerable.Range(1, 15).Select(i => Fact(i, $"{i} " + new string('c', 700))).ToList();
        const string hint = "Only the 15 most recent are shown; /contacts person:Zelensky page:2 shows the next ones, or narrow with person:, with:, since: or kind:.";
        var reply = new Reply("Contacts of Volodymyr Zelenskyy", [new ReplySection(null, page, hint), new ReplySection("Other", [Fact(99, "other")])]);
        var embeds = _renderer.Render(reply).Embeds!;
        var text = string.Join("\n", embeds.Select(e => e.Description));
        var shown = System.Text.RegularExpressions.Regex.Count(text, "`T\\d+`");
        Assert.InRange(shown, 2, 11);
        Assert.EndsWith($"… and {16 - shown} more that do not fit in one Discord message (T{shown + 1}, T{shown + 2}, T{shown + 3} and {13 - shown} others); " +
                        $"/history <id> shows any of them, or ask a narrower question.\n*{hint}*", embeds[^1].Description);
        Assert.True(EmbedLimits.Count(embeds) <= EmbedLimits.Total);
    }

    [Fact]
    public void A_deferral_carries_only_the_ephemeral_flag()
    {
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", JsonSerializer.Serialize(InteractionResponse.Defer(true), DiscordRestClient.Json));
        Assert.Equal("""{"type":5,"data":{}}""", JsonSerializer.Serialize(InteractionResponse.Defer(false), DiscordRestClient.Json));
    }
}
