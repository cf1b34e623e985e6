using BenchmarkDotNet.Running;

// Run all with: dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BriefingBot.Benchmarks.LatencyConfig).Assembly).Run(args);
