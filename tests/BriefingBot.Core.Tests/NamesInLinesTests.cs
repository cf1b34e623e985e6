using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// How lines name who spoke and what they spoke about, as a desk reads them: "Statement by the Kremlin", not "by Kremlin",
/// when the moderator named it with its article; "about the Energy infrastructure term (T3)", not "about T3".
/// </summary>
public sealed class NamesInLinesTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");

    public void Dispose() => _bot.Dispose();

    private string Mod(string command) => _bot.ModerateAloud(command, output, _mo);

    private string Ask(string command) => _bot.AskAloud(command, output);

    [Fact]
    public void An_organisation_named_with_its_article_keeps_it_in_every_line()
    {
        var added = Mod("/update statement people:\"+the Kremlin (organisation)\" date:2025-03-14 via:\"a readout\" stance:denies text:\"Denies that Moscow rejected the ceasefire\" source:TASS");
        Assert.Contains("S1 Statement by the Kremlin, Friday 14 March 2025, a readout (denies)", added);
        Assert.Contains("R1 The Kremlin represents Russia as the presidential administration",
            Mod("/update role person:Kremlin represents:Russia role:\"the presidential administration\" source:Reuters"));
        var who = Ask("/who \"the Kremlin\"");
        Assert.StartsWith("Who represents the Kremlin\n\nKremlin: an organisation.", who);
        Assert.Contains("Including statements of those who represent Russia now: the Kremlin.", Ask("/statements person:Russia"));
        // Named again with its article, it is the same Kremlin, not a second one.
        Assert.Contains("S2 Statement by the Kremlin", Mod("/update statement people:\"+the Kremlin\" date:2025-03-15 text:\"No talks without guarantees\" source:TASS"));
        Assert.Equal(["S2", "S1"], TestBot.Codes(_bot.Ask("/statements person:Kremlin")));
        // A person keeps the name as typed; a name without the article reads without it.
        Assert.Contains("Statement by Dmitry Peskov", Mod("/update statement people:\"+Dmitry Peskov\" date:2025-03-12 text:\"x\" source:Reuters"));
        using var copy = _bot.CopyByExport();
        Assert.Contains("S1 Statement by the Kremlin", TestBot.Text(copy.Ask("/statements person:Kremlin")));
    }

    [Fact]
    public void A_moderator_gives_a_known_organisation_its_article()
    {
        // Adapted: the seeded coalition now takes its article from the seed (SeededArticleTests), so an organisation added
        // without one plays its part here.
        Mod("/update statement people:\"+OSCE (organisation)\" date:2025-03-15 text:\"Ready to monitor a ceasefire\" source:Reuters");
        Assert.Contains("S1 Statement by OSCE,", Ask("/statements"));
        Assert.Equal("OSCE is now also called the OSCE.",
            _bot.Ask("/update actor name:\"the OSCE\" kind:organisation", _mo).Title);
        Assert.Contains("S1 Statement by the OSCE,", Ask("/statements"));
        Assert.Equal("'OSCE' already names OSCE.",
            _bot.Ask("/update actor name:\"the OSCE\" kind:organisation", _mo).Title);
        // A state's article is still read from its name, and a person is never given one.
        Assert.Equal("'Zelensky' already names Volodymyr Zelenskyy.", _bot.Ask("/update actor name:\"the Zelensky\" kind:person aliases:Zelensky", _mo).Title);
    }

    [Fact]
    public void A_statement_about_a_term_names_the_term_as_it_was_in_the_view()
    {
        var line = Mod("/update statement people:Zelensky date:2025-03-11 via:\"a post\" stance:supports about:\"P1, T3\" text:\"We back the energy truce\" source:Reuters");
        Assert.Contains("We back the energy truce — about the Franco-British partial truce plan (P1) and the Energy infrastructure term (T3)", line);
        Mod("/update term id:T3 topic:\"Energy strikes\" source:Reuters effective:2025-03-20");
        Assert.EndsWith("— about the Franco-British partial truce plan (P1) and the Energy strikes term (T3)", Ask("/statements").Split('\n')[2]);
        Assert.Contains("and the Energy infrastructure term (T3)", Ask("/statements on:2025-03-12"));
    }

    [Fact]
    public void A_version_15_database_names_its_terms_after_the_upgrade() => UpgradeInPlace.Check(
        made => made.Moderate("/update statement people:Zelensky date:2025-03-11 about:T3 text:\"We back the energy truce\" source:Reuters"),
        // The file as the release before left it: terms had no title.
        "UPDATE current_facts SET title = NULL WHERE kind = 'term'; PRAGMA user_version = 15;",
        ["/statements", "/statements about:P1"],
        "SELECT COUNT(*) FROM current_facts WHERE kind = 'term' AND title IS NOT NULL", "reproject_needed",
        before => Assert.Contains("— about the Energy infrastructure term (T3)", before[0]));
}
