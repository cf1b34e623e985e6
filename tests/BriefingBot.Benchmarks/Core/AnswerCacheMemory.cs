using System.Globalization;
using BriefingBot.Commands;
using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// What the answer cache holds at its cap: distinct members' questions on the store of 100,000 facts are asked until
/// it refuses more, then the entries, the bytes it counts and the heap's own growth are printed. A heap figure is
/// not a timing, so this runs outside BenchmarkDotNet:
/// <c>dotnet run -c Release --project tests/BriefingBot.Benchmarks -- answer-cache-memory [megabytes]</c>.
/// </summary>
public static class AnswerCacheMemory
{
    public static void Run(int megabytes)
    {
        using var services = GeneratedStore.Open(GeneratedStore.Ensure(), answerCacheMegabytes: megabytes);
        services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        var router = services.GetRequiredService<CommandRouter>();
        var cache = services.GetRequiredService<AnswerCache>();
        var caller = new Caller("bench", "u1", "Reader", Role.Member);
        var names = services.GetRequiredService<ActorDirectory>().All.Select(a => a.Display).ToList();
        void Ask(string path, params (string, string)[] options) =>
            router.RouteAsync(new Invocation([path], options.ToDictionary(o => o.Item1, o => o.Item2), caller, "c1", DateTimeOffset.UtcNow))
                .AsTask().GetAwaiter().GetResult();

        Ask("help");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        // The mix a team asks: contacts and statements of each actor, who they are, terms as known on past days.
        IEnumerable<Action> Questions()
        {
            foreach (var name in names)
            {
                yield return () => Ask("contacts", ("person", name));
                yield return () => Ask("statements", ("person", name));
                yield return () => Ask("who", ("name", name));
            }
            for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2026, 1, 1); day = day.AddDays(1))
            {
                yield return () => Ask("terms", ("as_of", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                yield return () => Ask("contacts", ("since", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
        var asked = 0;
        var full = 0;
        foreach (var question in Questions())
        {
            var count = cache.Count;
            question();
            asked++;
            // Refused entries mean it is at its cap (compaction then frees a share in the background); stop after a run of them.
            full = cache.Count <= count ? full + 1 : 0;
            if (full >= 50) break;
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var entries = cache.Count;
        Console.WriteLine($"answer cache of {megabytes} MB after {asked} distinct questions: {entries} answers kept");
        Console.WriteLine($"  bytes it counts: {cache.Bytes:N0} ({cache.Bytes / Math.Max(1, entries):N0} an answer)");
        Console.WriteLine($"  heap growth:     {after - before:N0} ({(after - before) / Math.Max(1, entries):N0} an answer)");
    }
}
