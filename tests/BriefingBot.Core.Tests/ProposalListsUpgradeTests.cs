namespace BriefingBot.Core.Tests;

/// <summary>Migration 12 (proposals and aid in the past lists, and the index of their last moves) upgrades a version-11 database in place.</summary>
public sealed class ProposalListsUpgradeTests
{
    [Fact]
    public void A_version_11_database_answers_which_proposals_stood_on_a_day_as_before() => UpgradeInPlace.Check(
        made =>
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update proposal name:\"US 30-day ceasefire proposal\" status:proposed sponsors:\"United States\" effective:2025-03-11 source:\"Joint statement\"", mo);
            made.Ask("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" effective:2025-03-16 source:Reuters", mo);
            made.Ask("/update aid donor:\"United States\" recipient:Ukraine category:military status:resumed since:2025-03-12 source:Reuters", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 21, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update retract id:P3 reason:\"Never tabled\"", mo);
            Assert.True(made.Count("SELECT COUNT(*) FROM past_lists WHERE list IN ('proposal', 'aid')") > 3);
        },
        // The file as the release before left it: no proposals or aid in the past lists, no index of moves (the outlets of
        // 13 may stay, as 13 creates them only if missing).
        "DELETE FROM past_lists WHERE list LIKE 'proposal%' OR list LIKE 'aid%'; DROP INDEX current_moves; PRAGMA user_version = 11;",
        [
            "/terms on:2025-03-12", "/terms proposal:P1 on:2025-03-12", "/terms on:2025-03-20", "/briefing on:2025-03-20",
            "/terms as_of:2025-03-21 on:2025-03-12", "/briefing", "/aid on:2025-03-08", "/aid on:2025-03-20", "/aid as_of:2025-03-19",
        ],
        "SELECT COUNT(*) FROM past_lists WHERE list IN ('proposal', 'aid')", "past_lists_needed",
        before =>
        {
            Assert.Contains("US 30-day ceasefire proposal", before[0]);
            Assert.Contains("Terms of the US 30-day ceasefire proposal (P2) as things stood on 20 March 2025", before[2]);
            Assert.DoesNotContain("Black Sea arrangement", before[2]);
            Assert.Contains("resumed", before[7]);
            Assert.DoesNotContain("resumed", before[6]);
        });
}
