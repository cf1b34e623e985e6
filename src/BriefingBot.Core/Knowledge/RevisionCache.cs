using Microsoft.Extensions.Caching.Memory;

namespace BriefingBot.Knowledge;

/// <summary>
/// Revisions already read, by id. A revision never changes once committed (the table's triggers refuse updates and
/// deletes, and ids are never reused), so a kept one can never be stale, whoever writes to the file: another process's
/// write adds revisions with new ids, which are read from the file when first asked for. Lists then read only ids and
/// load the few revisions not kept yet, skipping the payload's JSON, the sources and the row reads that were most of an
/// answer's time and memory. Bounded by a count; the least recently used go first.
/// </summary>
internal sealed class RevisionCache(int capacity) : IDisposable
{
    private readonly MemoryCache? _cache = capacity > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 })
        : null;

    public bool Enabled => _cache is not null;

    public Revision? Find(long id) => _cache is not null && _cache.TryGetValue(id, out Revision? revision) ? revision : null;

    public void Keep(Revision revision) => _cache?.Set(revision.Id, revision, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _cache?.Dispose();
}
