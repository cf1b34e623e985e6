using System.Globalization;
using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// What the revision cache holds when full: the newest revisions of the store of 100,000 facts are read through it until
/// it holds as many as it may, then the heap's growth per revision is printed. A heap figure is not a timing, so this
/// runs outside BenchmarkDotNet: <c>dotnet run -c Release --project tests/BriefingBot.Benchmarks -- revision-cache-memory</c>.
/// </summary>
public static class RevisionCacheMemory
{
    public static void Run()
    {
        using var services = GeneratedStore.Open(GeneratedStore.Ensure());
        services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        var database = services.GetRequiredService<KnowledgeDatabase>();
        var size = StorageOptions.DefaultRevisionCacheSize;
        using (var warm = database.Open()) RevisionRows.ByIds(warm, [1]);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using (var connection = database.Open())
        {
            var newest = connection.Statement("SELECT MAX(id) FROM revisions").ExecuteScalar() is long max ? max : 0;
            // In pages of a thousand, as answers read them, newest first.
            for (var top = newest; top > newest - size; top -= 1000)
                RevisionRows.ByIds(connection, Enumerable.Range(0, 1000).Select(i => top - i).Where(id => id > newest - size));
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size:N0} revisions kept: heap grew {(after - before) / 1024.0 / 1024.0:F1} MB, {(after - before) / (double)size:F0} bytes a revision"));
    }
}
