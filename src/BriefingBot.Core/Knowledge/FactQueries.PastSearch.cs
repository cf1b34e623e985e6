namespace BriefingBot.Knowledge;

public sealed partial class FactQueries
{
    /// <summary>
    /// A word search in a past view: the facts whose version in <paramref name="view"/> contains every word, newest first (by
    /// the newest revision that does), a page of <paramref name="take"/> after <paramref name="skip"/>; and those whose words
    /// matched but stood retracted as known then, each as its retraction. Each revision's words are kept in revision_text
    /// (migration 0017), so a claim reworded since is found by the words it had, and not by words it gained later. With
    /// <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>), only the facts whose version in view cited it (with
    /// <paramref name="alone"/>, that no other outlet confirmed then), as the present search narrows to an outlet.
    /// </summary>
    public (Page<FactView> Standing, IReadOnlyList<FactView> Withdrawn) SearchAt(IReadOnlyList<string> words, TimeView view, int skip, int take,
        string? outlet = null, bool alone = false)
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
        // With an outlet, only the facts some version of which ever cited it (its past list) are read, and each version in view
        // is kept if it cited it then: a source added after the as-of day does not count, one removed since still does.
        // A rare outlet's list is read whole into the statement; a common one's is looked up a match at a time down past_lists'
        // (fact, list) index: read whole at every statement, Reuters' list took 11 ms, and a rare one looked up took twice as long.
        var list = outlet is null ? null : alone ? PastLists.CitesAlone(outlet) : PastLists.Cites(outlet);
        var cites = list is null ? ""
            : RareList(connection, list) ? "AND r.fact_id IN (SELECT fact_id FROM past_lists WHERE list = $list)"
            : "AND EXISTS (SELECT 1 FROM past_lists p WHERE p.fact_id = r.fact_id AND p.list = $list)";
        var cited = new Dictionary<long, bool>();
        // Narrowed to an outlet, a walk's matches are fewer than the rows it reads, so it starts shorter: a stretch's statement reads
        // on until it has as many as asked (a common word and Reuters read 1,400 rows for 215 in one, 4 ms).
        for (var walk = (skip + take + 1) * (outlet is null ? 8 : 2); database.Times.NextShownRange(connection, view, below) is { } range; walk *= 2)
        {
            var rows = FactIds(connection.Statement($"""
                SELECT t.rowid FROM revision_text t JOIN revisions r ON r.id = t.rowid
                WHERE revision_text MATCH $match AND t.rowid BETWEEN $low AND $high
                  AND r.recorded_at <= $known AND r.effective_on <= $day {cites}
                ORDER BY t.rowid DESC LIMIT $walk
                """, ("$walk", walk)), ("$match", MatchAll(words)), ("$low", range.Low), ("$high", range.High),
                ("$known", view.KnownByText), ("$day", view.DayText),
                ("$list", list));
            matched.AddRange(rows);
            // The rest of a stretch that had more matches than asked, else the stretch below it.
            below = rows.Count == walk ? rows[^1] : range.Low;
            if (rows.Count == 0) continue;
            var hits = matched.ToHashSet();
            // A fact stands found only if the version in view is one whose words matched; one retracted by then is found as
            // withdrawn if any version the view could show matched (it held on no day, but a reader may have seen it).
            found = database.Times.VersionsOfRevisions(connection, matched, view).Where(v => v.Withdrawn || hits.Contains(v.Id)).ToList();
            if (outlet is not null) found = CitedThen(connection, found, outlet, alone, cited);
            if (found.Count(v => !v.Withdrawn) > skip + take) break;
        }
        var standing = found.Where(v => !v.Withdrawn).Skip(skip).Take(take + 1).Select(v => v.Id).ToList();
        var withdrawn = found.Where(v => v.Withdrawn).Take(6).Select(v => v.Id).ToList();
        var byId = RevisionRows.ByIds(connection, standing.Concat(withdrawn)).ToDictionary(r => r.Id);
        return (new Page<FactView>(standing.Take(take).Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList(), standing.Count > take),
            withdrawn.Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList());
    }

    private static bool RareList(LeasedConnection connection, string list)
    {
        var count = connection.Statement("SELECT COUNT(*) FROM (SELECT 1 FROM past_lists WHERE list = $list LIMIT $cap)", ("$cap", RareOutlet));
        count.Parameters.AddWithValue("$list", list);
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) < RareOutlet;
    }

    // The versions that cite the outlet (alone), as the outlet's past view reads them (CitingOutletAt): each read once, those
    // not yet read in one statement.
    private static List<(long Id, bool Withdrawn)> CitedThen(LeasedConnection connection, List<(long Id, bool Withdrawn)> versions,
        string outlet, bool alone, Dictionary<long, bool> cited)
    {
        foreach (var r in RevisionRows.ByIds(connection, versions.Select(v => v.Id).Where(id => !cited.ContainsKey(id))))
            cited[r.Id] = alone ? OutletKeys.IsAlone(r.Provenance.Sources, outlet) : r.Provenance.Sources.Any(s => OutletKeys.Matches(s.Source, outlet));
        return versions.Where(v => cited.GetValueOrDefault(v.Id)).ToList();
    }
}
