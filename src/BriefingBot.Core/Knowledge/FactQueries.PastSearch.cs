namespace BriefingBot.Knowledge;

public sealed partial class FactQueries
{
    /// <summary>
    /// A word search in a past view: the facts whose version in <paramref name="view"/> contains every word, newest first (by
    /// the newest revision that does), a page of <paramref name="take"/> after <paramref name="skip"/>; and those whose words
    /// matched but stood retracted as known then, each as its retraction. Each revision's words are kept in revision_text
    /// (migration 0016), so a claim reworded since is found by the words it had, and not by words it gained later.
    /// </summary>
    public (Page<FactView> Standing, IReadOnlyList<FactView> Withdrawn) SearchAt(IReadOnlyList<string> words, TimeView view, int skip, int take)
    {
        var empty = (new Page<FactView>([], false), (IReadOnlyList<FactView>)[]);
        if (words.Count == 0) return empty;
        using var connection = database.Open();
        List<(long Id, bool Withdrawn)> found;
        // Down the matching revisions newest first, each fact's first one met standing for it; further only when too few of
        // the facts met are shown in the view.
        for (var walk = (skip + take + 1) * 8; ; walk *= 4)
        {
            var matched = FactIds(connection, "SELECT rowid FROM revision_text WHERE revision_text MATCH $match ORDER BY rowid DESC LIMIT $walk",
                ("$match", MatchAll(words)), ("$walk", walk));
            var hits = matched.ToHashSet();
            // A fact counts only if the version in view is one whose words matched.
            found = database.Times.VersionsOfRevisions(connection, matched, view).Where(v => hits.Contains(v.Id)).ToList();
            if (found.Count(v => !v.Withdrawn) > skip + take || matched.Count < walk) break;
        }
        var standing = found.Where(v => !v.Withdrawn).Skip(skip).Take(take + 1).Select(v => v.Id).ToList();
        var withdrawn = found.Where(v => v.Withdrawn).Take(6).Select(v => v.Id).ToList();
        var byId = RevisionRows.ByIds(connection, standing.Concat(withdrawn)).ToDictionary(r => r.Id);
        return (new Page<FactView>(standing.Take(take).Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList(), standing.Count > take),
            withdrawn.Where(byId.ContainsKey).Select(id => new FactView(byId[id])).ToList());
    }
}
