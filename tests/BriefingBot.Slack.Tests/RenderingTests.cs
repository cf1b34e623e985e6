using System.Text.Json;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>The Block Kit renderer: provenance on every fact, escaping of everything stored, and Slack's size limits.</summary>
public class RenderingTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly BlockKitRenderer _renderer = new(Time);

    private static ReplyLine Fact(int n, string text, bool stale = false, string outlet = "Reuters", string? url = null) =>
        new(text, new LineProvenance(new FactCode(FactKind.Term, n), new SourceRef(outlet, url, new DateOnly(2025, 3, 6)),
            Confidence.Reported, new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero), stale));

    // Written as the door writes it: < and & are not \u-escaped, so the checks below see what Slack would.
    private static string Json(SlackMessage m) => m.ResponsePayload().ToJsonString(SlackMessage.Json);

    private static IEnumerable<string> Texts(SlackMessage m) =>
        JsonDocument.Parse(m.Blocks.ToJsonString()).RootElement.EnumerateArray().SelectMany(b =>
            b.GetProperty("type").GetString() == "section" ? [b.GetProperty("text").GetProperty("text").GetString()!]
            : b.TryGetProperty("elements", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("text").GetString()!) : []);

    [Fact]
    public void Each_fact_shows_its_id_source_date_confidence_and_stale_marker()
    {
        var reply = new Reply("Terms", [new ReplySection("Terms", [Fact(4, "Ground combat is excluded.", stale: true, url: "https://example.org/report")])]);
        var text = string.Join("\n", Texts(_renderer.Render(reply)));
        Assert.Contains("`T4` Ground combat is excluded.", text);
        Assert.Contains("<https://example.org/report|Reuters>, 6 March 2025 (4 days ago) · reported · :warning: possibly out of date", text);
        Assert.False(_renderer.Render(reply).Ephemeral);
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<!everyone>")]
    [InlineData("<@U0123> <#C0123> <!subteam^S0123>")]
    [InlineData("<https://evil.example|click me>")]
    public void Stored_text_can_never_become_a_mention_or_link(string hostile)
    {
        var reply = new Reply($"Title {hostile}", [new ReplySection($"Heading {hostile}",
            [Fact(1, $"Text {hostile} & more", outlet: $"Outlet {hostile}"), new ReplyLine($"Plain {hostile}")], $"More {hostile}")],
            $"Footer {hostile}");
        foreach (var message in _renderer.RenderPages(reply).Append(_renderer.Render(reply)).Append(_renderer.Render(Reply.Error(hostile))))
        {
            var json = Json(message);
            Assert.DoesNotContain("<!", json);
            Assert.DoesNotContain("<@", json);
            Assert.DoesNotContain("<#", json);
            Assert.DoesNotContain("<https://evil", json);
            Assert.Contains("&lt;", json);
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("!channel")]
    [InlineData("not a url")]
    public void Only_http_links_are_linked(string url)
    {
        var text = string.Join("\n", Texts(_renderer.Render(new Reply("T", [new ReplySection(null, [Fact(1, "x", url: url)])]))));
        Assert.DoesNotContain("<", text.Replace("&lt;", ""));
        Assert.Contains("_Reuters, 6 March 2025", text);
    }

    [Fact]
    public void A_link_cannot_break_out_of_its_brackets() =>
        Assert.Equal("<https://example.org/a%7Cb?x=1&amp;y=%3E|Reu¦ters &amp; Co>", Mrkdwn.Link("https://example.org/a|b?x=1&y=>", "Reu|ters & Co"));

    [Fact]
    public void A_long_reply_is_trimmed_to_Slacks_limits_with_a_count_of_what_was_left_out()
    {
        var lines = Enumerable.Range(1, 500).Select(i => Fact(i, new string('x', 700) + " & <b>")).ToList();
        var reply = new Reply("Everything", [new ReplySection("All", lines)], new string('f', 5000))
        {
            Attachments = [new ReplyAttachment(new string('a', 3000) + ".png", "image/png", [1])],
        };
        Assert.Empty(BlockKit.Check(JsonDocument.Parse(_renderer.RenderPages(reply)[^1].Blocks.ToJsonString()).RootElement));
        var message = _renderer.Render(reply);
        Assert.Empty(BlockKit.Check(JsonDocument.Parse(message.Blocks.ToJsonString()).RootElement));
        var shown = Texts(message).Sum(t => t.Split("`T").Length - 1);
        Assert.True(shown > 5, $"{shown} lines shown");
        Assert.Equal(500, shown + message.LeftOut);
        Assert.Contains($"_… and {message.LeftOut} more that do not fit in one Slack message (T{501 - message.LeftOut}, ", Texts(message).Last());
        Assert.EndsWith("/history &lt;id&gt; shows any of them, or ask a narrower question._", Texts(message).Last());
    }

    [Fact]
    public void A_cut_list_that_pages_keeps_its_page_hint_after_the_count()
    {
        var lines = Enumerable.Range(1, 30).Select(i => Fact(i, new string('x', 700))).ToList();
        const string hint = "… and 12 more terms; /terms proposal:P1 page:2 lists them.";
        var message = _renderer.Render(new Reply("Terms", [new ReplySection("Terms", lines, hint), new ReplySection("Other", [Fact(99, "other")])]));
        Assert.Empty(BlockKit.Check(JsonDocument.Parse(message.Blocks.ToJsonString()).RootElement));
        Assert.InRange(message.LeftOut, 5, 30);
        var first = 32 - message.LeftOut; // the 30 and one line after them
        Assert.Equal($"_… and {message.LeftOut} more that do not fit in one Slack message (T{first}, T{first + 1}, T{first + 2} and {message.LeftOut - 3} others); " +
                     $"/history &lt;id&gt; shows any of them, or ask a narrower question._\n_{hint}_", Texts(message).Last());
    }

    [Fact]
    public void Split_pages_carry_every_line_each_within_the_limits()
    {
        var lines = Enumerable.Range(1, 500).Select(i => Fact(i, $"line {i} " + new string('y', 300))).ToList();
        var pages = _renderer.RenderPages(new Reply("Briefing", [new ReplySection("Changes", lines), new ReplySection("Stands", lines.Take(10).ToList())]));
        Assert.True(pages.Count > 1);
        foreach (var page in pages) Assert.Empty(BlockKit.Check(JsonDocument.Parse(page.Blocks.ToJsonString()).RootElement));
        var all = string.Join("\n", pages.SelectMany(Texts));
        for (var i = 1; i <= 500; i++) Assert.Contains($"`T{i}` line {i} ", all);
        Assert.Contains("*Briefing (continued)*", all);
        Assert.All(pages, p => Assert.Equal(0, p.LeftOut));
    }

    [Fact]
    public void A_page_full_of_blocks_still_has_its_footer_and_attachment_list()
    {
        // Many short sections: the block count, not the text, is what fills the page.
        var sections = Enumerable.Range(1, 60).Select(i => new ReplySection($"S{i}", [Fact(i, "short")])).ToList();
        var reply = new Reply("Many", sections, "the footer") { Attachments = [new ReplyAttachment("graph.png", "image/png", [1])] };
        var pages = _renderer.RenderPages(reply);
        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.True(p.Blocks.Count <= 50));
        var last = string.Join("\n", Texts(pages[^1]));
        Assert.Contains("the footer", last);
        Assert.Contains("Attached: graph.png", last);
        var all = string.Join("\n", pages.SelectMany(Texts));
        for (var i = 1; i <= 60; i++) Assert.Contains($"`T{i}` short", all);
    }

    [Fact]
    public void An_oversized_line_is_cut_within_a_section_and_never_inside_an_entity()
    {
        var message = _renderer.Render(new Reply("T", [new ReplySection(null, [Fact(1, new string('&', 5000))])]));
        var text = Texts(message).Single(t => t.Contains("`T1`"));
        Assert.True(text.Length <= BlockKitRenderer.MaxSectionText, $"{text.Length} characters");
        Assert.Contains("&amp;…", text);
        Assert.DoesNotContain("&amp&", text);
    }

    [Fact]
    public void Errors_and_confirmations_are_ephemeral_and_answers_public()
    {
        Assert.Equal("ephemeral", (string?)_renderer.Render(Reply.Error("No.")).ResponsePayload()["response_type"]);
        Assert.Equal("ephemeral", (string?)_renderer.Render(Reply.Confirmation("Updated T1.")).ResponsePayload()["response_type"]);
        Assert.Equal("in_channel", (string?)_renderer.Render(new Reply("Aid", [])).ResponsePayload()["response_type"]);
    }

    [Fact]
    public void Text_from_Slack_is_unescaped_once_and_escaped_again_on_the_way_out()
    {
        Assert.Equal("A & B <c>", Mrkdwn.Unescape("A &amp; B &lt;c&gt;"));
        Assert.Equal("&amp;lt;", Mrkdwn.Escape(Mrkdwn.Unescape("&amp;lt;")));
    }
}
