namespace BriefingBot.Core.Tests;

/// <summary>Migration 11 (every list a contact or statement has been in) upgrades a version-10 database in place.</summary>
public sealed class PastListsUpgradeTests
{
    [Fact]
    public void A_version_10_database_lists_contacts_retracted_or_changed_before_the_upgrade_as_they_were() => UpgradeInPlace.Check(
        made =>
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-08 place:Geneva summary:\"Geneva channel\" source:Reuters", mo);
            made.Ask("/update statement people:Russia date:2025-03-09 text:\"A claim\" source:TASS", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update contact id:C7 people:\"Macron, Zelensky\" source:AFP", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update retract id:C7 reason:\"No such call\"", mo);
            made.Ask("/update retract id:S1 reason:\"No such claim\"", mo);
        },
        // The file as the release before left it: everything else the same, without the lists or their migration (nor the
        // index migration 12 added; the outlets of 13 may stay, as 13 creates them only if missing).
        "DROP TABLE past_lists; DROP INDEX current_moves; PRAGMA user_version = 10;",
        [
            "/contacts person:Starmer as_of:2025-03-12", "/contacts person:Zelensky as_of:2025-03-15", "/contacts as_of:2025-03-12",
            "/contacts place:Geneva as_of:2025-03-12", "/statements as_of:2025-03-12", "/contacts on:2025-03-09",
        ],
        "SELECT COUNT(*) FROM past_lists", "past_lists_needed",
        before =>
        {
            Assert.Contains("C7", before[0]);
            Assert.Contains("S1", before[4]);
        });
}
