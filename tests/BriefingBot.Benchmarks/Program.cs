using System.Globalization;
using BenchmarkDotNet.Running;

// Run all with: dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --filter '*'
if (args is ["answer-cache-memory", ..])
{
    BriefingBot.Benchmarks.Core.AnswerCacheMemory.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BriefingBot.Benchmarks.LatencyConfig).Assembly).Run(args);
