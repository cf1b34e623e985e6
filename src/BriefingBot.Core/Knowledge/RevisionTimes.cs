namespace BriefingBot.Knowledge;

/// <summary>
/// Every revision's two times, by fact, in memory: when it was recorded, the day it took effect, whether it retracts, and
/// when an undo took it back. A past view (<see cref="TimeView"/>) picks each fact's version from these, where SQLite
/// took a correlated lookup, a sort and a table read per fact (most of a past briefing's time). Revisions are only ever
/// appended (the table's triggers refuse the rest) and SQLite gives each commit ids above every committed one, one writer
/// at a time; so catching up with any writer, in this process or another, is reading the rows after the last id seen,
/// which each lookup does first (one seek that returns nothing when nothing was written), or a briefing once at its start
/// (<see cref="OneReading"/>). A migration may rewrite rows: a change of schema empties it (<see cref="DataVersionWatch"/>),
/// as it does <see cref="RevisionCache"/>. About 66 bytes a revision (100,150 take 6.3 MB); read on the first past view or
/// briefing (0.2–0.4 s for those), then only what was added.
/// </summary>
internal sealed partial class RevisionTimes
{
    private struct Entry
    {
        public long Id;
        public long FactId;
        public long Recorded;
        public long UndoneAt;
        public int Effective;
        public int Previous;

        // The correction that re-dated it (0018), -1 if none: it takes effect nowhere while that correction stands.
        public int CorrectedBy;
        public bool Retracted;
        public bool Undo;
        public bool Create;

        // A contact or a statement: it happens once, so each later version of it corrects the earlier ones.
        public bool Event;
    }

    private static readonly string ContactWord = FactKinds.Get<ContactFact>().Word, StatementWord = FactKinds.Get<StatementFact>().Word;

    private readonly Lock _gate = new();
    private readonly NewestByFact _newest = new();
    private readonly Dictionary<string, List<long>> _factsOfKind = new(StringComparer.Ordinal);
    private Entry[] _entries = new Entry[256];
    private int _count;

    // The entries by when each was recorded, then by id (almost always the order they come in), and the retractions alone:
    // what a briefing's window walks.
    private readonly List<int> _byRecorded = [];
    private readonly List<int> _retractions = [];

    // The late entries that filed history when they were recorded (took effect before a version standing then), in recorded
    // order: what a briefing's "History filed" walks, so a year's window reads a handful, not every revision.
    private readonly List<int> _filed = [];

    // The corrections of a version beyond its first (CorrectedBy), by its id: only a version corrected, the correction undone
    // and corrected again has any.
    private readonly Dictionary<long, List<int>> _moreCorrections = [];

    // Set while one answer composes from many lookups (a briefing makes about ten): it catches up once, at its first.
    private static readonly AsyncLocal<ReadingScope?> Reading = new();

    /// <summary>
    /// Until disposed, lookups in this flow catch up once, at the first, rather than each (each seek cost about 5 µs, ten times a
    /// briefing). Not a snapshot: another request's lookup meanwhile still moves the shared times on, as each lookup did before.
    /// </summary>
    public IDisposable OneReading()
    {
        var previous = Reading.Value;
        var reading = new ReadingScope(this, previous);
        Reading.Value = reading;
        return reading;
    }

    /// <summary>The scope of <see cref="OneReading"/>: whether it has caught up yet, and the scope it replaced.</summary>
    private sealed class ReadingScope(RevisionTimes times, ReadingScope? previous) : IDisposable
    {
        public RevisionTimes Times { get; } = times;
        public bool CaughtUp { get; set; }

        // A flow copied from inside the scope (a task it started) must not keep it after it ends.
        public bool Disposed { get; private set; }

        public void Dispose()
        {
            Disposed = true;
            Reading.Value = previous;
        }
    }

    /// <summary>Forgets everything read (the schema changed under it); the next lookup reads every revision again.</summary>
    public void Clear()
    {
        lock (_gate) Forget();
    }

    private void Forget()
    {
        _count = 0;
        _newest.Clear();
        _factsOfKind.Clear();
        _byRecorded.Clear();
        _retractions.Clear();
        _filed.Clear();
        _moreCorrections.Clear();
    }

    // Puts the entries read from `first` on in a recorded-order list: at the end while they come in order (almost always), a
    // few out of order (a clock set back) each in its place, and many (a first read of a store whose history was imported
    // or generated out of order) by sorting the whole list once.
    private void InRecordedOrder(List<int> list, int first, Func<Entry, bool> keep)
    {
        var added = new List<int>(_count - first);
        var inOrder = true;
        for (var i = first; i < _count; i++)
        {
            if (!keep(_entries[i])) continue;
            var last = added.Count > 0 ? added[^1] : list.Count > 0 ? list[^1] : -1;
            if (last >= 0 && Later(last, i)) inOrder = false;
            added.Add(i);
        }
        if (inOrder) list.AddRange(added);
        else if (added.Count <= 64)
            foreach (var entry in added) list.Insert(UpperBound(list, entry), entry);
        else
        {
            list.AddRange(added);
            list.Sort((a, b) => a == b ? 0 : Later(a, b) ? 1 : -1);
        }
    }

    // The first position in a recorded-order list whose entry was recorded after this one.
    private int UpperBound(List<int> list, int entry)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Later(list[middle], entry)) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    private bool Later(int a, int b) =>
        _entries[a].Recorded > _entries[b].Recorded || (_entries[a].Recorded == _entries[b].Recorded && _entries[a].Id > _entries[b].Id);

    private int IndexOf(long id)
    {
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var here = _entries[middle].Id;
            if (here == id) return middle;
            if (here < id) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    // Reads the revisions committed after the last one seen. Called under the gate, on a connection outside any transaction,
    // so every row read is committed and no later commit can bring a smaller id. Never on a moment's connection (a member's
    // answer reads one): the times are shared, so an older view of the file must not fill them after another request emptied
    // them for a migration it saw; what they hold beyond a moment is read by id outside it too (RevisionRows.ByIds).
    private void CatchUp(LeasedConnection connection)
    {
        var reading = Reading.Value is { Disposed: false } scope && scope.Times == this ? scope : null;
        if (reading is { CaughtUp: true } && _count > 0) return;
        var outside = connection.OutsideMoment();
        try
        {
            ReadNew(outside);
        }
        catch
        {
            // A read that failed part way (an I/O error, a row that does not parse) must not leave rows in some lists and not
            // in others: the next lookup reads everything again.
            Forget();
            throw;
        }
        finally
        {
            if (outside != connection) outside.Dispose();
        }
        if (reading is not null) reading.CaughtUp = true;
    }

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private void ReadNew(LeasedConnection connection)
    {
        var command = connection.Statement("""
            SELECT r.id, r.fact_id, r.recorded_at, r.effective_on, r.retracted, r.action = 'undo', r.undoes_revision_id, f.kind,
                   r.action = 'create',
                   CASE WHEN length(r.recorded_at) = 28 AND substr(r.recorded_at, 20, 1) = '.'
                        THEN unixepoch(substr(r.recorded_at, 1, 19)) * 10000000 + CAST(substr(r.recorded_at, 21, 7) AS INTEGER) END,
                   CASE WHEN length(r.effective_on) = 10 THEN CAST(julianday(r.effective_on) - 1721425.5 AS INTEGER) END,
                   r.corrects_revision_id
            FROM revisions r JOIN facts f ON f.id = r.fact_id WHERE r.id > $after ORDER BY r.id
            """);
        command.Parameters.AddWithValue("$after", _count == 0 ? 0 : _entries[_count - 1].Id);
        var first = _count;
        // The first read takes every revision (100,000 on a big store): sized once from the highest id, it does not leave a
        // trail of ever larger arrays behind (they are large objects, kept until a full collection: 37 MB more at the peak of
        // a chat's first briefing, 15 MB of it these).
        if (_count == 0 && connection.Statement("SELECT MAX(id) FROM revisions").ExecuteScalar() is long highest && highest >= _entries.Length)
        {
            var size = (int)Math.Min(highest + 1024, int.MaxValue / 2);
            _entries = new Entry[size];
            using (var facts = connection.Statement("SELECT MAX(id), COUNT(*) FROM facts").ExecuteReader())
                if (facts.Read() && !facts.IsDBNull(0)) _newest.EnsureCapacity(facts.GetInt64(0), facts.GetInt64(1));
            _byRecorded.Capacity = Math.Max(_byRecorded.Capacity, size);
        }
        var filed = new HashSet<long>();
        var standing = new Dictionary<long, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
            var factId = reader.GetInt64(1);
            var kindWord = reader.GetString(7);
            _entries[_count] = new Entry
            {
                Id = reader.GetInt64(0),
                FactId = factId,
                // As numbers worked out by SQLite when stored as this build writes them (a hundred thousand rows read as
                // strings were most of the first read's garbage); other spellings are parsed as before.
                Recorded = reader.IsDBNull(9) ? StoredTime.ParseInstant(reader.GetString(2)).UtcTicks : UnixEpochTicks + reader.GetInt64(9),
                Effective = reader.IsDBNull(10) ? StoredTime.ParseDate(reader.GetString(3))!.Value.DayNumber : (int)reader.GetInt64(10),
                Retracted = reader.GetInt64(4) != 0,
                Undo = reader.GetInt64(5) != 0,
                Create = reader.GetInt64(8) != 0,
                Event = kindWord == ContactWord || kindWord == StatementWord,
                UndoneAt = long.MaxValue,
                Previous = _newest.GetValueOrDefault(factId, -1),
                CorrectedBy = -1,
            };
            // An undo takes its target back from the moment it was recorded; the earliest undo counts.
            if (!reader.IsDBNull(6) && IndexOf(reader.GetInt64(6)) is var target and >= 0)
                _entries[target].UndoneAt = Math.Min(_entries[target].UndoneAt, _entries[_count].Recorded);
            // A correction of its date takes it back too, until the correction is undone (0018).
            if (!reader.IsDBNull(11) && IndexOf(reader.GetInt64(11)) is var corrected and >= 0)
            {
                // Corrected again after an undo of the first: the earlier correction still holds for views from its time.
                if (_entries[corrected].CorrectedBy >= 0)
                    (_moreCorrections.TryGetValue(_entries[corrected].Id, out var more) ? more : _moreCorrections[_entries[corrected].Id] = []).Add(_count);
                else _entries[corrected].CorrectedBy = _count;
            }
            if (!_newest.ContainsKey(factId))
            {
                // A new fact: its id goes in its kind's list, which stays in id order.
                if (!_factsOfKind.TryGetValue(kindWord, out var facts)) _factsOfKind[kindWord] = facts = [];
                var place = facts.BinarySearch(factId);
                facts.Insert(place < 0 ? ~place : place, factId);
            }
            // Worked out as it is read: the versions before it stand as they did when it was recorded (undos and corrections
            // come with later ids), which is what "filed history" asks. Each fact's standing version is carried along the read,
            // so a fact's history is walked once, not once for each of its revisions (a long aid stream's made it quadratic).
            ref var read = ref _entries[_count];
            if (read.Undo || !reader.IsDBNull(11)) standing.Remove(factId);
            else if (read.Retracted) standing[factId] = -1;
            else if (!read.Event && read.Previous >= 0)
            {
                if (!standing.TryGetValue(factId, out var stood)) stood = StandingBefore(_count);
                if (stood >= 0 && _entries[stood].Effective > read.Effective) filed.Add(read.Id);
                else stood = _count;
                standing[factId] = stood;
            }
            _newest[factId] = _count++;
        }
        InRecordedOrder(_byRecorded, first, e => true);
        InRecordedOrder(_retractions, first, e => e.Retracted);
        InRecordedOrder(_filed, first, e => filed.Contains(e.Id));
    }

    // Now is after every record, and before "never undone" (UndoneAt's long.MaxValue).
    private static long Ticks(DateTimeOffset? instant) => instant?.UtcTicks ?? long.MaxValue - 1;
}
