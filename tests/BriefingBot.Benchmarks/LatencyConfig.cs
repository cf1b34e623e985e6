using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BriefingBot.Benchmarks;

/// <summary>
/// One operation per iteration, many iterations: the percentiles are then those of single operations (what a user
/// waits for), not of averages over batches. Adds P99 beside BenchmarkDotNet's own P50/P95 columns.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        // Tiered compilation off: a few hundred single calls are too few for methods to reach tier 1, and the bot
        // that runs for days answers from tier-1 code, which is what these targets are about.
        // No forced full collection between iterations (BenchmarkDotNet's default): with one operation per iteration it put a
        // full GC, and the cold caches after it, before every answer, which no bot does between two questions; the gen-0
        // collections an answer's own allocations cause still land inside the answers they delay, as they do for users.
        // BRIEFINGBOT_BENCH_GC_FORCE=1 measures as before, for comparison with figures taken that way.
        var forceGc = Environment.GetEnvironmentVariable("BRIEFINGBOT_BENCH_GC_FORCE") == "1";
        // The host's young-generation budget (System.GC.Gen0MaxBudget in src/BriefingBot/BriefingBot.csproj), so the answers are
        // timed with the collections the bot has; BRIEFINGBOT_BENCH_GEN0=runtime measures with the runtime's own, sized from the
        // CPU's cache.
        var variables = new List<EnvironmentVariable> { new("DOTNET_TieredCompilation", "0") };
        if (Environment.GetEnvironmentVariable("BRIEFINGBOT_BENCH_GEN0") != "runtime") variables.Add(new("DOTNET_GCGen0MaxBudget", HostGen0MaxBudget));
        AddJob(Job.Default.WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(50).WithIterationCount(600).WithGcForce(forceGc)
            .WithEnvironmentVariables([.. variables]).WithId(forceGc ? "single-op-gc-forced" : "single-op"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }

    /// <summary>The host's System.GC.Gen0MaxBudget (6 MB), as the runtime reads it from the environment: hexadecimal.</summary>
    public const string HostGen0MaxBudget = "0x600000";
}

/// <summary>A percentile of single-operation times, such as P99.</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}-single";
    public string ColumnName => $"P{percentile}";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => $"{percentile}th percentile of single operations";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null) return "NA";
        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        return nanoseconds >= 1_000_000 ? $"{nanoseconds / 1_000_000:F2} ms" : $"{nanoseconds / 1_000:F1} μs";
    }
}
