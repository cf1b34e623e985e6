using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace BriefingBot.Benchmarks;

/// <summary>
/// A rough pass over a benchmark class while working on it: each [Benchmark] method whose name contains the filter, 200
/// warm-up calls then <c>count</c> timed single calls, printing p50/p99 in a second where BenchmarkDotNet takes a minute
/// per benchmark. For finding where time goes and comparing before/after in one run; the figures a note reports come from
/// BenchmarkDotNet. <c>dotnet run -c Release --project tests/BriefingBot.Benchmarks -- quick MemberCommandBenchmarks Terms 2000</c>.
/// Run with DOTNET_TieredCompilation=0 to match LatencyConfig.
/// </summary>
public static class QuickLatency
{
    public static void Run(string typeName, string filter, int count)
    {
        var type = typeof(QuickLatency).Assembly.GetTypes().Single(t => t.Name == typeName);
        var instance = Activator.CreateInstance(type)!;
        Call<GlobalSetupAttribute>(type, instance);
        var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null
                                                   && m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase));
        foreach (var method in methods)
        {
            for (var i = 0; i < 200; i++) method.Invoke(instance, null);
            var times = new double[count];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var collections = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                method.Invoke(instance, null);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
            var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count / 1024.0;
            var gcs = GC.CollectionCount(0) - collections;
            var pauseShare = (GC.GetTotalPauseDuration() - paused).TotalMicroseconds / times.Sum();
            if (Environment.GetEnvironmentVariable("BRIEFINGBOT_SQL_PROFILE") is not null)
            {
                SqlProfile.Reset();
                for (var i = 0; i < 200; i++) method.Invoke(instance, null);
                SqlProfile.Print(200);
            }
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{method.Name,-30} p50 {times[count / 2],8:F0} us  p99 {times[count * 99 / 100],8:F0} us  {perCall,8:F1} KB  {gcs,5} gen-0 GCs, {pauseShare,6:P1} of the time paused"));
        }
        if (StatementStatus.On) StatementStatus.Print();
        Call<GlobalCleanupAttribute>(type, instance);
    }

    private static void Call<T>(Type type, object instance) where T : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<T>() is not null)) method.Invoke(instance, null);
    }
}
