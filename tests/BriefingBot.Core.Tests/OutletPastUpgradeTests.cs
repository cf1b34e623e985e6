namespace BriefingBot.Core.Tests;

/// <summary>Migration 14 (outlets alone, and outlets in past views) upgrades a version-13 database in place.</summary>
public sealed class OutletPastUpgradeTests
{
    [Fact]
    public void A_version_13_database_answers_an_outlet_alone_and_in_past_views() => UpgradeInPlace.Check(
        made =>
        {
            var mo = TestBot.Moderator();
            made.Ask("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update contact kind:call people:\"Putin, Trump\" date:2025-03-18 summary:\"A halt to strikes on energy\" source:\"Kremlin readout\"", mo);
            made.Ask("/update statement people:Putin date:2025-03-18 text:\"A ceasefire with conditions\" source:TASS", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/sources add id:C7 source:TASS stance:disputes", mo);
            made.Ask("/sources add id:S1 source:\"Kremlin readout\"", mo);
            made.Ask("/update term id:T4 text:\"Ground combat is excluded from the truce\" source:TASS", mo);
        },
        // The file as the release before left it: no alone index, and no past lists of outlets.
        "DROP TABLE current_alone_sources; DELETE FROM past_lists WHERE list LIKE 'cites%'; PRAGMA user_version = 13;",
        ["/search source:kremlin alone:true", "/search source:TASS alone:true", "/search source:TASS as_of:2025-03-19",
         "/search source:TASS as_of:2025-03-20", "/search source:kremlin on:2025-03-18", "/search ceasefire source:TASS alone:true"],
        "SELECT (SELECT COUNT(*) FROM current_alone_sources) + (SELECT COUNT(*) FROM past_lists WHERE list LIKE 'cites%')", "past_lists_needed",
        before =>
        {
            Assert.Contains("C7", before[0]);
            Assert.DoesNotContain("S1", before[0]);
            Assert.Contains("T4", before[1]);
            Assert.Contains("S1", before[2]);
            Assert.DoesNotContain("C7", before[2]);
            Assert.Contains("C7", before[3]);
            Assert.Contains("S1", before[4]);
        });
}
