using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// /terms of a past day ends, as /terms of now does, with the latest statements and contacts about the proposal: those
/// known then (as_of), or in effect then (on), named as they were then.
/// </summary>
public sealed class PastTermsAboutTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    private void Mod(string command) => _bot.ModerateAloud(command, output, _mo);

    private Replies.ReplySection? Section(string command, string heading)
    {
        var reply = _bot.Ask(command);
        output.WriteLine($"> {command}\n{TestBot.Text(reply)}\n");
        return reply.Sections.SingleOrDefault(s => s.Heading == heading);
    }

    private static List<string> Codes(Replies.ReplySection? section) =>
        section?.Lines.Select(l => l.Provenance!.Code.ToString()).ToList() ?? [];

    private void RecordMarch()
    {
        At(12);
        Mod("/update statement people:Zelensky date:2025-03-11 via:\"a post\" stance:supports about:T3 text:\"We back the energy truce\" source:Reuters");
        At(14);
        Mod("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-09 about:P1 summary:\"Finalising the plan\" source:Reuters");
        Mod("/update statement people:Macron date:2025-03-13 about:P1 text:\"The plan is ready\" source:AFP");
        Mod("/update statement people:Starmer date:2025-03-13 about:P1 text:\"Britain will lead\" source:AFP");
        Mod("/update statement people:Starmer date:2025-03-14 about:P1 text:\"Planners meet in London\" source:AFP");
    }

    [Fact]
    public void Past_terms_list_what_was_said_and_discussed_about_the_proposal_then()
    {
        RecordMarch();
        // As known on 12 March: Zelenskyy's statement about its energy term, not the call entered on the 14th.
        Assert.Equal(["S1"], Codes(Section("/terms proposal:P1 as_of:2025-03-12", "Latest statements about it")));
        Assert.Null(Section("/terms proposal:P1 as_of:2025-03-12", "Latest contacts about it"));
        Assert.Contains("— about the Energy infrastructure term (T3)", Section("/terms proposal:P1 as_of:2025-03-12", "Latest statements about it")!.Lines[0].Text);
        // As things stood on 12 March, as known now: the call of the 9th too, and nothing said after the 12th.
        Assert.Equal(["S1"], Codes(Section("/terms proposal:P1 on:2025-03-12", "Latest statements about it")));
        Assert.Equal(["C7"], Codes(Section("/terms proposal:P1 on:2025-03-12", "Latest contacts about it")));
        Assert.Empty(Codes(Section("/terms proposal:P1 on:2025-03-12 as_of:2025-03-13", "Latest contacts about it")));
        // The three latest, and the question that lists them all in the same view.
        var statements = Section("/terms proposal:P1 as_of:2025-03-14", "Latest statements about it");
        Assert.Equal(["S4", "S3", "S2"], Codes(statements));
        Assert.Equal("/statements about:P1 as_of:2025-03-14 lists them all.", statements!.More);
        Assert.Equal(["S4", "S3", "S2", "S1"], TestBot.Codes(_bot.Ask("/statements about:P1 as_of:2025-03-14")));
        // A statement retracted since was still known then.
        At(20);
        Mod("/update retract id:S1 reason:\"Misquoted\"");
        Assert.Equal(["S1"], Codes(Section("/terms proposal:P1 as_of:2025-03-12", "Latest statements about it")));
        Assert.DoesNotContain("S1", Codes(Section("/terms proposal:P1 on:2025-03-12", "Latest statements about it")));
    }
}
