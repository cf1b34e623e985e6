using System.Globalization;
using System.Text;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BriefingBot.Commands;

/// <summary>
/// Answers that depend only on the knowledge and the question (<see cref="CommandCatalogue.Cached"/>), composed once
/// per version of the knowledge and reused until anything is written to the file, by this process or another.
/// </summary>
/// <remarks>
/// The key is the command, every option as given (whatever options a command grows), the asker's role, the day the
/// answer is dated by (the desk's day, <see cref="DeskZone"/>, which "3 days ago" and "possibly out of date" count from) and
/// <see cref="KnowledgeDatabase.Version"/> (<c>PRAGMA data_version</c>, which sees every commit). The version is read
/// before composing, so an answer composed while someone writes is kept under the version before the write, which no
/// later question asks for. Entries of an older version or day are dropped as soon as the version or day moves on;
/// the memory is bounded in bytes (<see cref="KnowledgeOptions.AnswerCacheMegabytes"/>), least recently used first.
/// </remarks>
public sealed class AnswerCache : IDisposable
{
    // The cache entry, its key string and the dictionary slot, beside the reply itself.
    private const int EntryOverhead = 200;

    private readonly KnowledgeDatabase _database;
    private readonly MemoryCache? _cache;
    private readonly Lock _moving = new();
    private volatile State _state = new(long.MinValue, DateOnly.MinValue);

    private readonly DeskZone _desk;

    public AnswerCache(KnowledgeDatabase database, IOptions<KnowledgeOptions> options, DeskZone desk)
    {
        _database = database;
        _desk = desk;
        var bytes = options.Value.AnswerCacheMegabytes * 1024L * 1024L;
        if (bytes > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes, TrackStatistics = true });
    }

    /// <summary>How many answers are kept now.</summary>
    public int Count => _cache?.Count ?? 0;

    /// <summary>The bytes they are estimated to take (<see cref="ReplySize"/>), at most the configured cap.</summary>
    public long Bytes => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>
    /// The kept answer to this question, if there is one. <paramref name="key"/> says where to keep the answer once
    /// composed (<see cref="Keep"/>); it is null when the command's answers are never kept.
    /// </summary>
    public bool TryGet(Invocation invocation, DateTimeOffset now, out Reply? reply, out AnswerKey? key)
    {
        reply = null;
        key = null;
        if (_cache is null) return false;
        var path = invocation.Path.Count == 1 ? invocation.Path[0] : string.Join(' ', invocation.Path);
        if (!CommandCatalogue.Cached.Contains(path)) return false;
        var state = MoveTo(new State(_database.Version, _desk.DayOf(now)));
        key = new AnswerKey(Text(path, invocation, state), state);
        if (!_cache.TryGetValue(key.Text, out var found)) return false;
        reply = (Reply)found!;
        return true;
    }

    /// <summary>Keeps a freshly composed answer, unless the knowledge or the day moved on while it was composed.</summary>
    public void Keep(AnswerKey key, Reply reply)
    {
        if (_cache is null || key.State != _state) return;
        using var entry = _cache.CreateEntry(key.Text);
        entry.Value = reply;
        entry.Size = ReplySize.Of(reply) + ReplySize.Text(key.Text) + EntryOverhead;
    }

    public void Dispose() => _cache?.Dispose();

    // Answers of an older version or day can never be asked for again: dropped at once rather than left to age out.
    private State MoveTo(State seen)
    {
        var state = _state;
        if (seen == state) return state;
        lock (_moving)
        {
            state = _state;
            if (seen.Version < state.Version || seen.Day < state.Day) return seen; // a slower reader; _state is already newer
            if (seen == state) return state;
            _cache!.Clear();
            _state = seen;
            return seen;
        }
    }

    private static string Text(string path, Invocation invocation, State state)
    {
        var role = invocation.Caller.Role;
        var text = new StringBuilder(96).Append(path).Append('\u001f').Append(role == Role.Moderator ? 'M' : 'm')
            .Append('\u001f').Append(state.Day.DayNumber.ToString(CultureInfo.InvariantCulture))
            .Append('\u001f').Append(state.Version.ToString(CultureInfo.InvariantCulture));
        var options = invocation.Options;
        if (options.Count == 0) return text.ToString();
        var names = new string[options.Count];
        var i = 0;
        foreach (var name in options.Keys) names[i++] = name;
        Array.Sort(names, StringComparer.Ordinal);
        // Each value carries its length, so no value can pass for two options or a name for part of a value.
        foreach (var name in names)
        {
            var value = options[name];
            text.Append('\u001f').Append(name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }
        return text.ToString();
    }

    /// <summary>The knowledge's version and the desk's day an answer was composed for.</summary>
    public sealed record State(long Version, DateOnly Day);
}

/// <summary>Where a composed answer is kept: its key, and the version and day it was composed for.</summary>
public sealed record AnswerKey(string Text, AnswerCache.State State);
