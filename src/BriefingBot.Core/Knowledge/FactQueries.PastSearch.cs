namespace BriefingBot.Knowledge;

public sealed partial class FactQueries
{
    /// <summary>
    /// A word search in a past view: the facts whose version in <paramref name="view"/> contains every word, newest first (by
    /// the newest revision that does), a page of <paramref name="take"/> after <paramref name="skip"/>; and those whose words
    /// matched but stood retracted as known then, each as its retraction. Each revision's words are kept in revision_text
    /// (migration 0017), so a claim reworded since is found by the words it had, and not by words it gained later.
    /// </summary>
    public (Page<FactView> Standing, IReadOnlyList<FactView> Withdrawn) SearchAt(IReadOnlyList<string> words, TimeView view, int skip, int take)
    {
        var empty = (new Page<FactView>([], false), (IReadOnlyList<FactView>)[]);
        if (words.Count == 0) return empty;
        using var connection = database.Open();
        List<(long Id, bool Withdrawn)> found = [];
        var matched = new List<long>();
        // Down the matching revisions newest first, each fact's first one met standing for it, a stretch of the revisions the
        // view could show at a time (recorded by its as-of moment, in effect by its day: every revision's times say where they
        // are, so a year-old view of a common word skips every newer match at once); further only when too few of the facts met
        // are shown in the view.
        var below = long.MaxValue;
        for (var walk = (skip + take + 1) * 8; database.Times.NextShownRange(connection, view, below) is { } range; walk *= 2)
        {
            var rows = FactIds(connection.Statement("""
                SELECT t.rowid FROM revision_text t JOIN revisions r ON r.id = t.rowid
                WHERE revision_text MATCH $match AND t.rowid BETWEEN $low AND $high
                  AND r.recorded_at <= $known AND r.effective_on <= $day
                ORDER BY t.rowid DESC LIMIT $walk
                """, ("$walk", walk)), ("$match", MatchAll(words)), ("$low", range.Low), ("$high", range.High),
                ("$known", view.KnownByText), ("$day", view.DayText));
            matched.AddRange(rows);
            // The rest of a stretch that had more matches than asked, else the stretch below it.
            below = rows.Count == walk ? rows[^1] : range.Low;
            if (rows.Count == 0) continue;
            var hits = matched.ToHashSet();
            // A fact stands found only if the version in view is one whose words matched; one retracted by then is found as
            // withdrawn if any version the view could show matched (it held on no day, but a reader may have seen it).
            found = database.Times.VersionsOfRevisions(connection, matched, view).Where(v => v.Withdrawn || hits.Contains(v.Id)).ToList();
            if (found.Count(v => !v.Withdrawn) > skip + take) break;
        }
        var standing = found.Where(v => !v.Withdrawn).Skip(skip).Take(take + 1).Select(v => v.Id).ToList();
        var withdrawn = found.Where(v => v.Withdrawn).Take(6).Select(v => v.Id).ToList();
        var byId = RevisionRows.ByIds(connection, standing.Concat(withdrawn)).ToDictionary(r => r.Id);
        return (new Page<FactView>(standing.Take(take).Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList(), standing.Count > take),
            withdrawn.Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList());
    }
}
