namespace BriefingBot.Knowledge;

/// <summary>A briefing's window of recording: how each fact moved in it, the facts changed last, those withdrawn.</summary>
internal sealed partial class RevisionTimes
{
    /// <summary>
    /// How each fact moved over the window (<paramref name="since"/>, <paramref name="until"/>] of recording: its first revision
    /// recorded in it, and what it held at the window's end and before it (its standing version then, or the revision that
    /// withdrew it: <see cref="StandingVersion"/>); a fact with none in the window is left out. A late entry that filled in
    /// history holds the same at both ends, as an undone edit does.
    /// </summary>
    public List<(long First, long Last, long? Before)> Window(LeasedConnection connection, IEnumerable<long> factIds, DateTimeOffset since, DateTimeOffset until)
    {
        long from = since.UtcTicks, to = until.UtcTicks;
        var found = new List<(long, long, long?)>();
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var factId in factIds)
            {
                var first = -1;
                for (var at = _newest.GetValueOrDefault(factId, -1); at >= 0; at = _entries[at].Previous)
                {
                    ref var e = ref _entries[at];
                    if (e.Recorded > from && e.Recorded <= to && (first < 0 || Later(first, at))) first = at;
                }
                if (first < 0) continue;
                int last = Standing(factId, to), before = Standing(factId, from);
                // Brought back inside the window to a version recorded before it (and a late entry filed after the undo): the
                // undo says who restored it and when, and carries the same words.
                if (before >= 0 && _entries[before].Retracted && last >= 0 && !_entries[last].Retracted && _entries[last].Recorded <= from)
                    for (var at = _newest.GetValueOrDefault(factId, -1); at >= 0; at = _entries[at].Previous)
                        if (_entries[at].Undo && !_entries[at].Retracted && _entries[at].Recorded > from && _entries[at].Recorded <= to)
                        {
                            last = at;
                            break;
                        }
                found.Add((_entries[first].Id, _entries[last].Id, before >= 0 ? _entries[before].Id : null));
            }
        }
        return found;
    }

    /// <summary>
    /// The facts with a revision recorded in the window (<paramref name="since"/>, <paramref name="until"/>], the one changed last
    /// first, up to <paramref name="take"/>.
    /// </summary>
    public List<long> ChangedIn(LeasedConnection connection, DateTimeOffset since, DateTimeOffset until, int take)
    {
        var found = new List<long>();
        lock (_gate)
        {
            CatchUp(connection);
            var seen = new HashSet<long>();
            for (var i = LastRecordedBy(_byRecorded, until.UtcTicks); i >= 0 && found.Count < take; i--)
            {
                ref var e = ref _entries[_byRecorded[i]];
                if (e.Recorded <= since.UtcTicks) break;
                if (seen.Add(e.FactId)) found.Add(e.FactId);
            }
        }
        return found;
    }

    /// <summary>
    /// The late entries recorded in the window (<paramref name="since"/>, <paramref name="until"/>] that filed history, newest
    /// first, up to <paramref name="take"/>: each with the version that stood at the window's end, which it left standing as
    /// known then (it took effect before it: <see cref="StandingVersion"/>). Not undone or re-dated by then, of a fact standing
    /// then; an event's versions correct each other and file none.
    /// </summary>
    public List<(long Filed, long Stood)> FiledIn(LeasedConnection connection, DateTimeOffset since, DateTimeOffset until, int take)
    {
        var found = new List<(long, long)>();
        var to = until.UtcTicks;
        lock (_gate)
        {
            CatchUp(connection);
            for (var i = LastRecordedBy(_filed, to); i >= 0 && found.Count < take; i--)
            {
                ref var e = ref _entries[_filed[i]];
                if (e.Recorded <= since.UtcTicks) break;
                if (e.UndoneAt <= to || Corrected(e, to)) continue;
                var stands = Standing(e.FactId, to);
                if (stands < 0 || _entries[stands].Retracted || _entries[stands].Id == e.Id) continue;
                // Standing is the projection's revision, an undo when that is newest; the version it carries took effect then too.
                if (_entries[stands].Effective > e.Effective) found.Add((e.Id, _entries[stands].Id));
            }
        }
        return found;
    }

    // The version that stood when this one was recorded, of those before it by id (several may share a moment): the one in
    // effect latest, not undone or re-dated by then, after the last retraction standing then; -1 if none.
    private int StandingBefore(int at)
    {
        ref var e = ref _entries[at];
        var best = -1;
        for (var p = e.Previous; p >= 0; p = _entries[p].Previous)
        {
            ref var v = ref _entries[p];
            if (v.Retracted && !v.Undo && v.UndoneAt > e.Recorded) break;
            if (v.Retracted || v.Undo || v.UndoneAt <= e.Recorded || Corrected(v, e.Recorded)) continue;
            if (best < 0 || v.Effective > _entries[best].Effective) best = p;
        }
        return best;
    }

    /// <summary>The facts retracted in the window that had been recorded before it: what readers may have seen stand.</summary>
    public List<long> WithdrawnIn(LeasedConnection connection, DateTimeOffset since, DateTimeOffset until)
    {
        var found = new List<long>();
        var seen = new HashSet<long>();
        lock (_gate)
        {
            CatchUp(connection);
            for (var i = LastRecordedBy(_retractions, until.UtcTicks); i >= 0; i--)
            {
                ref var e = ref _entries[_retractions[i]];
                if (e.Recorded <= since.UtcTicks) break;
                if (!seen.Contains(e.FactId) && Known(e.FactId, since.UtcTicks) >= 0 && seen.Add(e.FactId)) found.Add(e.FactId);
            }
        }
        return found;
    }

    // The position of the last entry in a recorded-order list recorded by then, or -1.
    private int LastRecordedBy(List<int> list, long ticks)
    {
        int low = 0, high = list.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_entries[list[middle]].Recorded <= ticks) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return found;
    }
}
