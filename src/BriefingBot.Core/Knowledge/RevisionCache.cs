using Microsoft.Extensions.Caching.Memory;

namespace BriefingBot.Knowledge;

/// <summary>
/// Revisions already read, by id. A revision never changes once committed (the table's triggers refuse updates and
/// deletes, and a committed id is never given to another row), so a kept one can never be stale, whoever writes to the
/// file: another process's write adds revisions with new ids, which are read from the file when first asked for. Only
/// revisions read outside a transaction are kept: one read inside may be rolled back and its id given to the next. A
/// migration may rewrite rows, so a change of schema (<see cref="DataVersionWatch"/>) empties the cache. Lists then read only ids and
/// load the few revisions not kept yet, skipping the payload's JSON, the sources and the row reads that were most of an
/// answer's time and memory. Bounded by a count; the least recently used go first.
/// </summary>
internal sealed class RevisionCache(int capacity) : IDisposable
{
    private readonly MemoryCache? _cache = capacity > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 })
        : null;

    public bool Enabled => _cache is not null;

    private volatile bool _disposed;

    public Revision? Find(long id)
    {
        if (_cache is null || _disposed) return null;
        try
        {
            return _cache.TryGetValue(id, out Revision? revision) ? revision : null;
        }
        catch (ObjectDisposedException)
        {
            // An answer still running while the store shuts down reads from the file instead.
            return null;
        }
    }

    public void Keep(Revision revision)
    {
        if (_cache is null || _disposed) return;
        try
        {
            _cache.Set(revision.Id, revision, new MemoryCacheEntryOptions { Size = 1 });
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Forgets every kept revision (the schema changed under it).</summary>
    public void Clear() => _cache?.Clear();

    public void Dispose()
    {
        _disposed = true;
        _cache?.Dispose();
    }
}
