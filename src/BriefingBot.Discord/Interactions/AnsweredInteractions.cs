using System.Collections.Concurrent;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The interactions already taken on, so none is answered twice (a replay after a resume, a retried HTTP POST).
/// Entries are dropped once their token has expired, since nothing can answer them after that anyway.
/// </summary>
public sealed class AnsweredInteractions(TimeProvider time)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<Snowflake, DateTimeOffset> _taken = new();
    private DateTimeOffset _nextSweep;

    /// <summary>True the first time an interaction is seen; false for every repeat.</summary>
    public bool TryTake(Snowflake id)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(1);
            foreach (var (key, at) in _taken)
                if (now - at > TokenLifetime) _taken.TryRemove(key, out _);
        }
        return _taken.TryAdd(id, now);
    }
}
