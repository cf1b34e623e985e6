using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Terminal;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests;

/// <summary>The terminal's layout of a reply, written out as a reader sees it.</summary>
public class TextRendererTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero));

    private static LineProvenance Cited(FactKind kind, int number, string outlet = "Reuters") =>
        new(new FactCode(kind, number), new SourceRef(outlet, null, new DateOnly(2025, 3, 11)), Confidence.Reported,
            new DateTimeOffset(2025, 3, 11, 10, 0, 0, TimeSpan.Zero), Stale: false);

    [Fact]
    public void A_reply_reads_title_sections_cited_lines_hints_and_footer_in_order()
    {
        var reply = new Reply("Terms of the plan (P1)",
        [
            new ReplySection(null, [new ReplyLine("The plan as drafted.")]),
            new ReplySection("Terms",
                [new ReplyLine("Duration: one month. (proposed)", Cited(FactKind.Term, 1)), new ReplyLine("Scope: air and sea.", Cited(FactKind.Term, 2, "AFP"))],
                "… and 3 more terms; /terms page:2 lists them."),
        ], "Every line cites its source.");

        Assert.Equal("""
            Terms of the plan (P1)

              The plan as drafted.

            Terms
              T1   Duration: one month. (proposed)
                   Reuters, 11 March 2025 (yesterday) · reported
              T2   Scope: air and sea.
                   AFP, 11 March 2025 (yesterday) · reported
              … and 3 more terms; /terms page:2 lists them.

            Every line cites its source.

            """.ReplaceLineEndings("\n"), new TextRenderer(Time).Render(reply));
    }

    [Fact]
    public void An_id_of_five_characters_or_more_keeps_a_space_before_its_text()
    {
        var reply = new Reply("Changes", [new ReplySection("Terms", [new ReplyLine("New term: Energy.", Cited(FactKind.Term, 7229))])]);

        Assert.Contains("\n  T7229 New term: Energy.\n", new TextRenderer(Time).Render(reply));
    }

    [Fact]
    public void An_error_is_its_one_line()
    {
        Assert.Equal("“soon” is not a date.\n", new TextRenderer(Time).Render(Reply.Error("“soon” is not a date.")));
    }
}
