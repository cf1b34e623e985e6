namespace BriefingBot.Knowledge;

/// <summary>Where each fact's newest revision is among the times: by fact id, in an array while the ids are dense.</summary>
internal sealed partial class RevisionTimes
{
    /// <summary>
    /// Each fact's newest entry, by fact id. Facts are numbered from 1 as they are created, so an array indexed by id holds
    /// them in 4 bytes a fact, where a dictionary took 28 (2.8 MB for 100,000 facts, a quarter of every revision's times);
    /// an id far beyond those seen (a store whose ids were set by hand) goes in a dictionary instead of stretching the array.
    /// </summary>
    private sealed class NewestByFact
    {
        // The entry's index plus one, so that the array's zeroes mean "none".
        private int[] _dense = [];
        private readonly Dictionary<long, int> _sparse = [];
        private int _count;

        public bool ContainsKey(long factId) => TryGetValue(factId, out _);

        public bool TryGetValue(long factId, out int at)
        {
            if (factId >= 0 && factId < _dense.Length && _dense[factId] > 0)
            {
                at = _dense[factId] - 1;
                return true;
            }
            // An id set apart before the array grew over it stays apart.
            if (_sparse.Count > 0 && _sparse.TryGetValue(factId, out at)) return true;
            at = -1;
            return false;
        }

        public int GetValueOrDefault(long factId, int none) => TryGetValue(factId, out var at) ? at : none;

        public int this[long factId]
        {
            set
            {
                if (_sparse.Count > 0 && _sparse.ContainsKey(factId))
                {
                    _sparse[factId] = value;
                    return;
                }
                if (factId >= _dense.Length && Dense(factId, _count))
                    Array.Resize(ref _dense, (int)Math.Max(factId + 1, Math.Min(2L * _dense.Length, int.MaxValue / 2)));
                if (factId >= 0 && factId < _dense.Length)
                {
                    if (_dense[factId] == 0) _count++;
                    _dense[factId] = value + 1;
                }
                else
                {
                    _sparse[factId] = value;
                    _count++;
                }
            }
        }

        /// <summary>
        /// Room for fact ids up to <paramref name="highestId"/> at once, rather than a trail of ever larger arrays, when the
        /// <paramref name="facts"/> there are fill them closely enough.
        /// </summary>
        public void EnsureCapacity(long highestId, long facts)
        {
            if (highestId >= _dense.Length && Dense(highestId, facts)) Array.Resize(ref _dense, (int)highestId + 1);
        }

        // An id goes in the array while the array stays at most about twice as long as the facts it holds.
        private static bool Dense(long factId, long facts) => factId >= 0 && factId <= 2 * facts + 4096 && factId < int.MaxValue / 2;

        public void Clear()
        {
            Array.Clear(_dense);
            _sparse.Clear();
            _count = 0;
        }
    }
}
