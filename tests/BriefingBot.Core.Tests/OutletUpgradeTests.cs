namespace BriefingBot.Core.Tests;

/// <summary>Migration 13 (the outlets each fact cites) upgrades a version-12 database in place.</summary>
public sealed class OutletUpgradeTests
{
    [Fact]
    public void A_version_12_database_finds_facts_by_the_outlets_they_cited_before_the_upgrade() => UpgradeInPlace.Check(
        made =>
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update statement people:Russia date:2025-03-13 text:\"A ceasefire with conditions\" source:TASS", mo);
            made.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-17 summary:\"A ceasefire call\" source:Reuters", mo);
            made.Ask("/sources add id:C7 source:TASS stance:disputes", mo);
            made.Ask("/sources add id:C7 source:\"Kremlin readout\"", mo);
            made.Ask("/update statement people:Russia date:2025-03-14 text:\"A ceasefire claim\" source:TASS", mo);
            made.Ask("/update retract id:S2 reason:\"No such claim\"", mo);
        },
        // The file as the release before left it: everything else the same, without the outlets or their migration.
        "DROP TABLE current_sources; PRAGMA user_version = 12;",
        ["/search source:TASS", "/search source:Reuters", "/search ceasefire source:TASS", "/search source:kremlin"],
        "SELECT COUNT(*) FROM current_sources", "reproject_needed",
        before =>
        {
            Assert.Contains("C7", before[0]);
            Assert.Contains("1 retracted fact also cited TASS", before[0]);
        });
}
