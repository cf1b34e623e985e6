namespace BriefingBot.Knowledge;

/// <summary>The audit log read in the world (<c>/changes on:</c>): which logged changes still count as known by a moment.</summary>
internal sealed partial class RevisionTimes
{
    /// <summary>
    /// Of these revisions, in the order given, those that still count in the world as known by <paramref name="knownAt"/> (now
    /// when null): recorded by then, neither a retraction nor an undo nor undone or re-dated by then, of a fact not retracted by then (a
    /// retraction says it was never so). The same test <see cref="InEffectChanges"/> puts to each revision, without netting
    /// each fact to one line: the log lists every change. Up to <paramref name="take"/>, after the first <paramref name="skip"/>.
    /// </summary>
    public List<long> Counting(LeasedConnection connection, IEnumerable<long> revisionIds, DateTimeOffset? knownAt, int skip, int take)
    {
        var knownBy = Ticks(knownAt);
        var found = new List<long>(take);
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var id in revisionIds)
            {
                var at = IndexOf(id);
                if (at < 0) continue;
                ref var e = ref _entries[at];
                if (!Counts(e, knownBy)) continue;
                if (skip > 0) { skip--; continue; }
                found.Add(e.Id);
                if (found.Count == take) break;
            }
        }
        return found;
    }
}
