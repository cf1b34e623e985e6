using System.Diagnostics;
using System.Globalization;
using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// What every revision's times (RevisionTimes) hold on the store of 100,000 facts, and how long the first past view takes to
/// read them: the heap's growth and the time of the first read. Outside BenchmarkDotNet, as it is a heap figure and a one-off:
/// <c>dotnet run -c Release --project tests/BriefingBot.Benchmarks -- revision-times-memory</c>.
/// </summary>
public static class RevisionTimesMemory
{
    public static void Run()
    {
        using var services = GeneratedStore.Open(GeneratedStore.Ensure());
        services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        var database = services.GetRequiredService<KnowledgeDatabase>();
        using var connection = database.Open();
        var revisions = connection.Statement("SELECT COUNT(*) FROM revisions").ExecuteScalar() is long count ? count : 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        database.Times.Versions(connection, [1], TimeView.Now);
        var first = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        // The next lookups find nothing new to read: what every past answer pays to stay current.
        var next = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            database.Times.Versions(connection, [1], TimeView.Now);
            next.Add(clock.Elapsed.TotalMicroseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{revisions:N0} revisions' times: heap grew {(after - before) / 1024.0 / 1024.0:F1} MB, {(after - before) / (double)revisions:F0} bytes a revision; first read {first.TotalMilliseconds:F0} ms, the next lookups {string.Join(", ", next.Select(n => n.ToString("F0", CultureInfo.InvariantCulture)))} µs"));
    }
}
