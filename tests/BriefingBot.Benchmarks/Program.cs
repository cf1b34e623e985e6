using System.Globalization;
using BenchmarkDotNet.Running;

// Run all with: dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --filter '*'
if (args is ["answer-cache-memory", ..])
{
    BriefingBot.Benchmarks.Core.AnswerCacheMemory.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8);
    return;
}
if (args is ["revision-cache-memory", ..])
{
    BriefingBot.Benchmarks.Core.RevisionCacheMemory.Run();
    return;
}
if (args is ["revision-times-memory", ..])
{
    BriefingBot.Benchmarks.Core.RevisionTimesMemory.Run();
    return;
}
if (args is ["quick", var type, ..])
{
    BriefingBot.Benchmarks.QuickLatency.Run(type, args.Length > 2 ? args[2] : "", args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BriefingBot.Benchmarks.LatencyConfig).Assembly).Run(args);
