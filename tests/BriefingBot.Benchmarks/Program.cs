// Runs every benchmark in this assembly; pick with --filter, for example --filter *GatewayDispatch*.
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BriefingBot.Benchmarks.Discord.GatewayDispatchBenchmarks).Assembly).Run(args);
