namespace BriefingBot.Knowledge;

/// <summary>Each fact's version in a past view, as every revision's times say: known by a day, in effect on a day, named then.</summary>
internal sealed partial class RevisionTimes
{
    /// <summary>
    /// The newest facts of a kind (by id: facts are numbered as they are created) as known at <paramref name="knownAt"/>, each
    /// its version standing then (<see cref="StandingVersion"/>), leaving out those retracted then; up to <paramref name="take"/>,
    /// newest first.
    /// </summary>
    public List<long> NewestVersions(LeasedConnection connection, FactKind kind, DateTimeOffset? knownAt, int take)
    {
        var knownBy = Ticks(knownAt);
        var found = new List<long>();
        lock (_gate)
        {
            CatchUp(connection);
            if (!_factsOfKind.TryGetValue(kind.Word, out var facts)) return found;
            for (var i = facts.Count - 1; i >= 0 && found.Count < take; i--)
                if (Known(facts[i], knownBy) is var known and >= 0 && !_entries[known].Retracted)
                    found.Add(_entries[InEffect(facts[i], knownBy, int.MaxValue, allowRetracted: false) is var stands and >= 0 ? stands : known].Id);
        }
        return found;
    }

    /// <summary>
    /// Each fact's version in <paramref name="view"/>, in the order given, leaving out a fact the view does not show: as known by
    /// its as-of day, the one in effect latest (<see cref="StandingVersion"/>), and with a day, the one in effect then (the latest
    /// to take effect by that day, not retracted, not undone as known then); none if the fact stands retracted then.
    /// </summary>
    public List<long> Versions(LeasedConnection connection, IEnumerable<long> factIds, TimeView view) =>
        Versions(connection, factIds, view.KnownBy, view.Day);

    /// <summary><see cref="Versions(LeasedConnection, IEnumerable{long}, TimeView)"/> as known at any moment (now when null), on a day or not.</summary>
    public List<long> Versions(LeasedConnection connection, IEnumerable<long> factIds, DateTimeOffset? knownAt, DateOnly? onDay)
    {
        var knownBy = Ticks(knownAt);
        var day = onDay is { } d ? d.DayNumber : int.MaxValue;
        var found = new List<long>();
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var factId in factIds)
            {
                var known = Known(factId, knownBy);
                if (known < 0 || _entries[known].Retracted) continue;
                var version = InEffect(factId, knownBy, day, allowRetracted: false);
                if (version >= 0) found.Add(_entries[version].Id);
            }
        }
        return found;
    }

    /// <summary>
    /// The fact's version as known at <paramref name="knownAt"/>: the one standing then (<see cref="StandingVersion"/>), or the
    /// revision that withdrew it; null when it was unknown then.
    /// </summary>
    public long? StandingAt(LeasedConnection connection, long factId, DateTimeOffset knownAt)
    {
        lock (_gate)
        {
            CatchUp(connection);
            return Standing(factId, Ticks(knownAt)) is var at and >= 0 ? _entries[at].Id : null;
        }
    }

    /// <summary>
    /// The version of each fact a line names it by in <paramref name="view"/> (a proposal renamed or retracted since goes by its name
    /// then): its newest known by the as-of day, or with a day, the one in effect then, retracted or not; failing that, the first to
    /// take effect after the day, as known then. A fact unknown by then has none.
    /// </summary>
    public Dictionary<long, long> NamingVersions(LeasedConnection connection, IEnumerable<long> factIds, TimeView view)
    {
        var knownBy = Ticks(view.KnownBy);
        var day = view.Day is { } d ? d.DayNumber : int.MaxValue;
        var found = new Dictionary<long, long>();
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var factId in factIds)
            {
                var version = view.On is null ? Standing(factId, knownBy) : InEffect(factId, knownBy, day, allowRetracted: true);
                if (version < 0 && view.On is not null) version = FirstAfter(factId, knownBy);
                if (version >= 0) found[factId] = _entries[version].Id;
            }
        }
        return found;
    }

    /// <summary>
    /// Of the facts with a revision that took effect in the window from <paramref name="from"/> to <paramref name="view"/>'s day
    /// (the revisions newest effect first, as given), each once with its net change in the world as known by the as-of day: the
    /// version in effect at the window's end, and the one in effect the day before the window (none for a fact that began inside
    /// it, or whose effect was corrected to a day inside it). A revision counts if recorded by then, neither a retraction nor an
    /// undo nor undone by then, of a fact not retracted by then; up to <paramref name="limit"/> facts.
    /// </summary>
    public List<(long Id, long? Replaced)> InEffectChanges(LeasedConnection connection, IEnumerable<long> revisionIds, DateOnly from,
        TimeView view, int limit)
    {
        var knownBy = Ticks(view.KnownBy);
        var day = view.Day is { } d ? d.DayNumber : int.MaxValue;
        var found = new List<(long, long?)>();
        var seen = new HashSet<long>();
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var id in revisionIds)
            {
                var at = IndexOf(id);
                if (at < 0) continue;
                ref var e = ref _entries[at];
                if (seen.Contains(e.FactId) || !Counts(e, knownBy)) continue;
                // Each fact once: a term entered on the 11th and edited on the 12th took effect as its edited words, not twice.
                var end = InEffect(e.FactId, knownBy, day, allowRetracted: false);
                if (end < 0) continue;
                seen.Add(e.FactId);
                var before = InEffect(e.FactId, knownBy, from.DayNumber - 1, allowRetracted: false);
                found.Add((_entries[end].Id, before >= 0 ? _entries[before].Id : null));
                if (found.Count == limit) break;
            }
        }
        return found;
    }

    /// <summary>
    /// Of the facts these revisions belong to (in the order of their first revision given), each one's version in
    /// <paramref name="view"/> (as <see cref="Versions(LeasedConnection, IEnumerable{long}, TimeView)"/>), or its retraction when
    /// it stood retracted as known then; a fact the view does not show otherwise is left out. What a past word search reads.
    /// </summary>
    public List<(long Id, bool Withdrawn)> VersionsOfRevisions(LeasedConnection connection, IEnumerable<long> revisionIds, TimeView view)
    {
        var knownBy = Ticks(view.KnownBy);
        var day = view.Day is { } d ? d.DayNumber : int.MaxValue;
        var found = new List<(long, bool)>();
        var seen = new HashSet<long>();
        lock (_gate)
        {
            CatchUp(connection);
            foreach (var id in revisionIds)
            {
                var at = IndexOf(id);
                if (at < 0 || !seen.Add(_entries[at].FactId)) continue;
                var factId = _entries[at].FactId;
                var known = Known(factId, knownBy);
                if (known < 0) continue;
                if (_entries[known].Retracted) { found.Add((_entries[known].Id, true)); continue; }
                var version = InEffect(factId, knownBy, day, allowRetracted: false);
                if (version >= 0) found.Add((_entries[version].Id, false));
            }
        }
        return found;
    }

    /// <summary>
    /// The next stretch of revision ids below <paramref name="below"/> (newest first) that <paramref name="view"/> could show:
    /// from the newest revision recorded by its as-of moment and in effect by its day, down through the ids around it, gaps of
    /// a few hundred revisions it could not show included, at most a few thousand revisions at a time; null when none is left.
    /// What a past word search walks, so a view a year back skips at once the tens of thousands of newer revisions it cannot
    /// show instead of reading every one of their matches (12 ms for a word in a third of 100,000 facts).
    /// </summary>
    public (long Low, long High)? NextShownRange(LeasedConnection connection, TimeView view, long below)
    {
        const int Gap = 256, Longest = 4096;
        var knownBy = Ticks(view.KnownBy);
        var day = view.Day is { } d ? d.DayNumber : int.MaxValue;
        lock (_gate)
        {
            CatchUp(connection);
            // The last entry with an id below: ids grow with the index.
            int lowIndex = 0, highIndex = _count - 1;
            while (lowIndex <= highIndex)
            {
                var middle = (lowIndex + highIndex) >>> 1;
                if (_entries[middle].Id < below) lowIndex = middle + 1;
                else highIndex = middle - 1;
            }
            var i = highIndex;
            while (i >= 0 && !Shown(i)) i--;
            if (i < 0) return null;
            var high = _entries[i].Id;
            var low = high;
            for (int j = i - 1, misses = 0; j >= 0 && i - j <= Longest; j--)
            {
                if (Shown(j))
                {
                    low = _entries[j].Id;
                    misses = 0;
                }
                else if (++misses > Gap) break;
            }
            return (low, high);
        }

        bool Shown(int at) => _entries[at].Recorded <= knownBy && _entries[at].Effective <= day;
    }

    // The revision the fact's projection held then: its standing version, or its newest when that is a retraction or an undo
    // (which carries what stood after it), or when none stands; -1 if none was recorded by then.
    private int Standing(long factId, long knownBy)
    {
        var known = Known(factId, knownBy);
        if (known < 0 || _entries[known].Retracted || _entries[known].Undo) return known;
        return InEffect(factId, knownBy, int.MaxValue, allowRetracted: false) is var stands and >= 0 ? stands : known;
    }

    // The fact's newest revision (by id) recorded by then, or -1.
    private int Known(long factId, long knownBy)
    {
        if (!_newest.TryGetValue(factId, out var at)) return -1;
        while (at >= 0 && _entries[at].Recorded > knownBy) at = _entries[at].Previous;
        return at;
    }

    // Of the fact's revisions recorded by then and not undone by then, the latest to take effect by the day (the newest of those
    // on the same day); -1 if none. For an event (a contact, a statement), the newest that had taken effect by the day: it
    // happens once, so a later version corrects it (a meeting entered for the 13th and put right to the 12th was on the 12th
    // on every day after, not on the 13th from the 13th on).
    private int InEffect(long factId, long knownBy, int day, bool allowRetracted)
    {
        var best = -1;
        for (var at = _newest.GetValueOrDefault(factId, -1); at >= 0; at = _entries[at].Previous)
        {
            ref var e = ref _entries[at];
            if (e.Recorded > knownBy) continue;
            if (e.Effective <= day && (e.Retracted ? allowRetracted : !e.Undo) && e.UndoneAt > knownBy && !Corrected(e, knownBy))
            {
                if (e.Event) return at;
                // Walking from the newest id down, a later one on the same day has already won.
                if (best < 0 || e.Effective > _entries[best].Effective) best = at;
            }
            // A retraction standing then says the fact was never so: no version before it held on any day (StandingVersion).
            if (e.Retracted && !e.Undo && e.UndoneAt > knownBy) break;
        }
        return best;
    }

    // Whether a logged change still counted in the world as known then: recorded by then, neither a retraction nor an undo nor
    // undone or re-dated by then, of a fact not retracted by then (a retraction says it was never so).
    private bool Counts(in Entry e, long knownBy) =>
        e.Recorded <= knownBy && !e.Retracted && !e.Undo && e.UndoneAt > knownBy && !Corrected(e, knownBy)
        && Known(e.FactId, knownBy) is var known and >= 0 && !_entries[known].Retracted;

    // Whether a correction of its date had taken the version back by then (and was not undone by then).
    private bool Corrected(in Entry e, long knownBy) =>
        e.CorrectedBy >= 0 && (Holds(e.CorrectedBy, knownBy)
                               || (_moreCorrections.Count > 0 && _moreCorrections.TryGetValue(e.Id, out var more) && more.Exists(c => Holds(c, knownBy))));

    private bool Holds(int correction, long knownBy) => _entries[correction].Recorded <= knownBy && _entries[correction].UndoneAt > knownBy;

    // The fact's first revision to take effect (the newest of that day), as known then and not undone by then; -1 if none.
    private int FirstAfter(long factId, long knownBy)
    {
        var best = -1;
        for (var at = _newest.GetValueOrDefault(factId, -1); at >= 0; at = _entries[at].Previous)
        {
            ref var e = ref _entries[at];
            if (e.Recorded > knownBy || e.UndoneAt <= knownBy || Corrected(e, knownBy)) continue;
            if (best < 0 || e.Effective < _entries[best].Effective) best = at;
        }
        return best;
    }
}
