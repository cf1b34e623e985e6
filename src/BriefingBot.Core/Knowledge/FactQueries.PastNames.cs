namespace BriefingBot.Knowledge;

/// <summary>
/// Who and what a past view (<see cref="TimeView"/>) names: the people who represented a state then, and a proposal by the
/// name it had then, even if it was renamed or retracted since, when it is looked up and when a line is about it.
/// </summary>
public sealed partial class FactQueries
{
    private const string RolesEverOf = """
        SELECT DISTINCT r.fact_id AS id FROM facts f JOIN revisions r ON r.fact_id = f.id
        WHERE f.kind = 'role' AND json_extract(r.payload, '$.representsId') = $org
        """;

    /// <summary>
    /// Proposals whose name in <paramref name="view"/> contains <paramref name="text"/> (ignoring case), as they stood then,
    /// the exact name first, then the newest: so a proposal renamed or retracted since is still found by the name it had then.
    /// </summary>
    public IReadOnlyList<FactView> FindProposalsAt(string text, TimeView view, int limit)
    {
        text = text.Trim();
        if (view.IsNow) return FindProposals(text, limit);
        var like = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // Any name a proposal has had, recorded by the as-of day, picks it out; the view then says whether it had that name.
        // A proposal of one revision has had only its name now (the covering index of names); only the few with several
        // revisions (renamed, retracted) have their stored versions read.
        return LatestAt("""
                SELECT c.fact_id AS id FROM current_facts c WHERE c.kind = 'proposal' AND c.title LIKE $like ESCAPE '\'
                UNION
                SELECT r.fact_id FROM facts f JOIN revisions r ON r.fact_id = f.id
                WHERE f.kind = 'proposal' AND (SELECT COUNT(*) FROM (SELECT 1 FROM revisions m WHERE m.fact_id = f.id LIMIT 2)) = 2
                  AND r.recorded_at <= $knownBy AND json_extract(r.payload, '$.name') LIKE $like ESCAPE '\'
                """, view, ("$knownBy", view.KnownByText), ("$like", like))
            .Where(p => p.Data is ProposalData d && d.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => string.Equals(((ProposalData)p.Data).Name, text, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(p => p.Current.FactId).Take(limit).ToList();
    }

    /// <summary>
    /// <see cref="Names"/> as <paramref name="view"/> has them, in one statement: each fact's title from its version in the view
    /// (a proposal renamed since goes by the name it had then, one retracted since by its name before). With <c>on</c>, a
    /// fact not yet in effect that day (a statement dated before the proposal it is about was tabled) goes by its first
    /// version known by the as-of day, so no later name leaks in; only a fact unknown by then goes by its title now.
    /// </summary>
    public IReadOnlyDictionary<long, (FactCode Code, string? Title)> NamesAt(IEnumerable<long> factIds, TimeView view)
    {
        if (view.IsNow) return Names(factIds);
        var ids = factIds.Distinct().ToList();
        var names = new Dictionary<long, (FactCode Code, string? Title)>(ids.Count);
        if (ids.Count == 0) return names;
        // Only a fact with a title (a proposal's name) has its version found: the others are named by their id alone. Which
        // version comes from every revision's times kept in memory, the version itself from the revisions kept (RevisionRows.ByIds).
        foreach (var (id, name) in Names(ids)) names[id] = name;
        using var connection = database.Open();
        var versions = database.Times.NamingVersions(connection, names.Where(n => n.Value.Title is not null).Select(n => n.Key), view);
        // The title a version has is what the projection would have stored for it: the kind's own column.
        var read = RevisionRows.ByIds(connection, versions.Values).ToDictionary(r => r.Id);
        foreach (var (factId, revisionId) in versions)
            if (read.TryGetValue(revisionId, out var version))
                names[factId] = names[factId] with { Title = version.Code.Kind.Columns(version.Data).Title };
        return names;
    }
}
