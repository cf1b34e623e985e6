using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Discord's rate limits as the response headers state them: each route maps to a bucket, each bucket has requests
/// remaining until a reset, and a global 429 pauses everything. Nothing here is hard-coded; waits use the TimeProvider.
/// </summary>
public sealed class RateLimiter(TimeProvider time)
{
    private sealed class Bucket
    {
        public int Remaining = 1;
        public DateTimeOffset ResetAt;
    }

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _globalUntil;

    /// <summary>Waits until a request on this route may go, and counts it against its bucket.</summary>
    public async Task WaitAsync(RestRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                wait = _globalUntil - now;
                var bucket = BucketOf(route);
                if (bucket is not null && bucket.ResetAt <= now) bucket.Remaining = Math.Max(bucket.Remaining, 1);
                if (bucket is not null && bucket.Remaining <= 0 && bucket.ResetAt - now > wait) wait = bucket.ResetAt - now;
                if (wait <= TimeSpan.Zero)
                {
                    if (bucket is not null) bucket.Remaining--;
                    return;
                }
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Learns the bucket's state from a response's X-RateLimit-* headers.</summary>
    public void Update(RestRoute route, HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("X-RateLimit-Bucket", out var ids)) return;
        var id = ids.First();
        var key = id + " " + route.Key.Split(' ').Last();
        _bucketOfRoute[route.Key] = key;
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        lock (_gate)
        {
            if (Number(headers, "X-RateLimit-Remaining") is { } remaining) bucket.Remaining = (int)remaining;
            if (Number(headers, "X-RateLimit-Reset-After") is { } after) bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(after);
        }
    }

    /// <summary>A 429: pause this route's bucket, or every request when Discord says the limit is global.</summary>
    public void Limited(RestRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                if (until > _globalUntil) _globalUntil = until;
                return;
            }
            var key = _bucketOfRoute.GetValueOrDefault(route.Key) ?? route.Key;
            _bucketOfRoute[route.Key] = key;
            var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
            bucket.Remaining = 0;
            if (until > bucket.ResetAt) bucket.ResetAt = until;
        }
    }

    private Bucket? BucketOf(RestRoute route) =>
        _bucketOfRoute.TryGetValue(route.Key, out var key) && _buckets.TryGetValue(key, out var bucket) ? bucket : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) &&
        double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
