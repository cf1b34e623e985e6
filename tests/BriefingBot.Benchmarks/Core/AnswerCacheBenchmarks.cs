using BenchmarkDotNet.Attributes;
using BriefingBot.Commands;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// One question answered by the router with the answer cache on (asked before, nothing written since) and off
/// (composed afresh), on the store of 100,000 facts: /terms, and /contacts of a person since a date.
/// </summary>
[Config(typeof(LatencyConfig))]
public class AnswerCacheBenchmarks
{
    private ServiceProvider _cached = null!;
    private ServiceProvider _uncached = null!;
    private CommandRouter _cachedRouter = null!;
    private CommandRouter _uncachedRouter = null!;
    private readonly Caller _caller = new("bench", "u1", "Reader", Role.Member);

    [GlobalSetup]
    public void Setup()
    {
        var path = GeneratedStore.Ensure();
        _cached = GeneratedStore.Open(path, answerCacheMegabytes: 8);
        _uncached = GeneratedStore.Open(path, answerCacheMegabytes: 0);
        _cached.GetRequiredService<Knowledge.KnowledgeStartup>().Start(seed: false);
        _uncached.GetRequiredService<Knowledge.KnowledgeStartup>().Start(seed: false);
        _cachedRouter = _cached.GetRequiredService<CommandRouter>();
        _uncachedRouter = _uncached.GetRequiredService<CommandRouter>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cached.Dispose();
        _uncached.Dispose();
    }

    private Reply Answer(CommandRouter router, string path, params (string Name, string Value)[] options)
    {
        var invocation = new Invocation(path.Split(' '), options.ToDictionary(o => o.Name, o => o.Value), _caller, "c1", DateTimeOffset.UtcNow);
        return router.RouteAsync(invocation).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark] public Reply TermsUncached() => Answer(_uncachedRouter, "terms");
    [Benchmark] public Reply TermsCached() => Answer(_cachedRouter, "terms");
    [Benchmark] public Reply ContactsOfPersonUncached() => Answer(_uncachedRouter, "contacts", ("person", "Anna Adler 0"), ("since", "2024-01-01"));
    [Benchmark] public Reply ContactsOfPersonCached() => Answer(_cachedRouter, "contacts", ("person", "Anna Adler 0"), ("since", "2024-01-01"));
}
