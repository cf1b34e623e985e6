namespace BriefingBot.Knowledge;

/// <summary>
/// The answers of a past view (<see cref="TimeView"/>): what was known at the end of a day (transaction time: each fact's
/// newest revision recorded by then) and how things stood in the world on a day (valid time: each fact's revision in
/// effect then, as known now or by the as-of day). A retraction says a fact was never so, so it hides the fact on every
/// day; an undone revision counts on no day once its undo is known.
/// </summary>
public sealed partial class FactQueries
{
    /// <summary>
    /// Until disposed, this flow's reads see the file as it was at the first (one read transaction) and its past-view lookups
    /// catch up with the revisions once: for an answer of many reads that writes nothing (a briefing).
    /// </summary>
    public IDisposable OneReading() => new Both(database.OneMoment(), database.Times.OneReading());

    private sealed class Both(IDisposable moment, IDisposable reading) : IDisposable
    {
        public void Dispose()
        {
            reading.Dispose();
            moment.Dispose();
        }
    }

    public FactView? GetAt(FactCode code, TimeView view) =>
        view.On is null ? Get(code, view.KnownBy)
            : LatestAt("SELECT id FROM facts WHERE kind = $kind AND number = $number", view,
                ("$kind", code.Kind.Word), ("$number", code.Number)) is [var found, ..] ? found : null;

    /// <summary>The newest proposal in <paramref name="view"/>: the newest recorded by the as-of day, or the one that took effect last by the day asked.</summary>
    public FactView? NewestProposalAt(TimeView view) =>
        view.IsNow ? NewestProposal()
            : view.On is null ? (Proposals(1, view.KnownBy) is [var known, ..] ? known : NewestProposal(view.KnownBy))
            : ProposalsAt(1, view) is [var inEffect, ..] ? inEffect : null;

    /// <summary>The newest live proposals in <paramref name="view"/>, newest first (on a day: the last to take effect first).</summary>
    public IReadOnlyList<FactView> ProposalsAt(int limit, TimeView view) =>
        view.On is null ? Proposals(limit, view.KnownBy)
            // Down the proposals' own past list, newest effect first, each read as the view sees it.
            : PastList([PastLists.All(FactKind.Proposal)], null, null, limit, view, p => p.Data is ProposalData).Items;

    /// <summary>The terms of a proposal in <paramref name="view"/>: every term that ever belonged to it, kept if it did then.</summary>
    public IReadOnlyList<FactView> TermsAt(long proposalId, TimeView view) =>
        view.IsNow ? Terms(proposalId)
            : view.On is null ? Terms(proposalId, view.KnownBy)
            : LatestAt("SELECT p.fact_id AS id FROM fact_parents p JOIN facts f ON f.id = p.fact_id WHERE p.parent_id = $parent AND f.kind = 'term'",
                view, ("$parent", proposalId)).Where(t => t.Data.Kind.ParentId(t.Data) == proposalId).ToList();

    /// <summary>Aid streams in <paramref name="view"/>, newest status first.</summary>
    public Page<FactView> AidAt(AidFilter filter, int limit, TimeView view)
    {
        if (view.IsNow) return Aid(filter, limit);
        // Across all streams, the walk goes down the aid's own past list, newest status first, each read as the view sees it.
        if (filter.DonorId is null && filter.RecipientId is null)
            return PastList([PastLists.All(FactKind.Aid)], null, null, limit, view,
                a => a.Data is AidData d && (filter.Category is not { } c || d.Category == c));
        // A donor's or recipient's few streams are each read as they were: a stream is one donor, recipient and category, so
        // the current rows find its streams whatever they said then.
        var args = new List<(string, object?)>();
        var where = "";
        if (filter.DonorId is { } donor) { where += " AND c.donor_id = $donor"; args.Add(("$donor", donor)); }
        if (filter.RecipientId is { } recipient) { where += " AND c.recipient_id = $recipient"; args.Add(("$recipient", recipient)); }
        if (filter.Category is { } category) { where += " AND c.category = $category"; args.Add(("$category", Vocabulary.Word(category))); }
        var streams = NewestFirst(LatestAt($"SELECT c.fact_id AS id FROM current_facts c WHERE c.kind = 'aid'{where}", view, [.. args]));
        return new Page<FactView>(streams.Take(limit).ToList(), streams.Count > limit);
    }

    /// <summary>
    /// The facts that moved in the world from <paramref name="from"/> to the day of <paramref name="view"/>, as known by its as-of
    /// day, newest effect first, each once with its net change (how it stood at the window's end, and the version before the
    /// window when there was one): what changed in the world, leaving out facts since retracted, changes undone, and edits that
    /// came back to where they began.
    /// </summary>
    public Page<FactView> ChangesInEffect(DateOnly from, TimeView view, int limit)
    {
        using var connection = database.Open();
        // Down the revisions by effect day, newest first (their index alone), each kept or not by its times in memory
        // (RevisionTimes); the walk goes four times further when too few of those it met still count.
        List<(long Id, long? Replaced)> kept;
        for (var walk = (limit + 1) * 2; ; walk *= 4)
        {
            var candidates = FactIds(connection.Statement("""
                SELECT id FROM revisions WHERE effective_on >= $from AND effective_on <= $day ORDER BY effective_on DESC, id DESC LIMIT $walk
                """, ("$walk", walk)), ("$from", StoredTime.Format(from)), ("$day", view.DayText));
            kept = database.Times.InEffectChanges(connection, candidates, from, view, limit + 1);
            if (kept.Count > limit || candidates.Count < walk) break;
        }
        var shown = kept.Take(limit).ToList();
        // Each fact with the version it stood at before the window, for its "was … now …". A fact that began inside the window
        // replaced nothing, and neither did a correction that moved its effect earlier than every other version (a source's
        // year corrected): in the world that is where the fact begins, so it reads "New", in its words at the window's end.
        var byId = RevisionRows.ByIds(connection, shown.SelectMany(c => c.Replaced is { } p ? new[] { c.Id, p } : [c.Id]).Distinct())
            .ToDictionary(r => r.Id);
        var views = new List<FactView>(shown.Count);
        foreach (var (id, replaced) in shown)
        {
            if (!byId.TryGetValue(id, out var r)) continue;
            if (replaced is { } p && byId.TryGetValue(p, out var before))
            {
                // An edit that came back to where it began inside the window nets out, as in the record's briefing.
                if (!Same(before, r)) views.Add(new FactView(r.Action == RevisionAction.Change ? r : r with { Action = RevisionAction.Change }, before));
            }
            else views.Add(new FactView(r.Action == RevisionAction.Create ? r : r with { Action = RevisionAction.Create }));
        }
        return new Page<FactView>(views, kept.Count > limit);
    }

    // Newest first by the fact's own date (a contact's day, a status's since), else when it took effect.
    private static List<FactView> NewestFirst(IEnumerable<FactView> facts) =>
        facts.OrderByDescending(f => f.Data.Kind.EventDate(f.Data) ?? f.Current.Provenance.Effective?.Start ?? DateOnly.MinValue)
            .ThenByDescending(f => f.Current.FactId).ToList();

    /// <summary>
    /// Each listed fact as <paramref name="view"/> sees it, in id order; a fact retracted (as known then) or not yet in effect
    /// is left out. Without a day it is the newest revision recorded by the as-of day.
    /// </summary>
    private IReadOnlyList<FactView> LatestAt(string factIdsSql, TimeView view, params (string, object?)[] args) =>
        VersionsOf(factIdsSql, view.KnownBy, view.Day, args);

    // The facts a statement lists, each as known at a moment (now when null) and, with a day, as it stood then; in id order.
    // SQLite lists the facts; which version of each counts is read from every revision's times kept in memory.
    private List<FactView> VersionsOf(string factIdsSql, DateTimeOffset? knownBy, DateOnly? day, (string, object?)[] args)
    {
        using var connection = database.Open();
        return VersionsOf(connection, FactIds(connection, factIdsSql, args), knownBy, day);
    }

    private List<FactView> VersionsOf(LeasedConnection connection, IEnumerable<long> factIds, DateTimeOffset? knownBy, DateOnly? day) =>
        RevisionRows.ByIds(connection, database.Times.Versions(connection, factIds.Distinct(), knownBy, day))
            .OrderBy(r => r.Code.Number).Select(r => new FactView(r)).ToList();
}
