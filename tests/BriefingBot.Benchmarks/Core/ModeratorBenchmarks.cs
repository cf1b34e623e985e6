using BenchmarkDotNet.Attributes;
using BriefingBot.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>Moderator updates and autocomplete on a copy of the 100,000-fact store. Targets: update p99 under 2 ms, autocomplete under 2 ms.</summary>
[Config(typeof(LatencyConfig))]
public class ModeratorBenchmarks
{
    private ServiceProvider _services = null!;
    private CommandRouter _router = null!;
    private Autocompleter _autocomplete = null!;
    private OptionSpec _person = null!;
    private OptionSpec _proposal = null!;
    private string _copy = null!;
    private int _n;
    private readonly Caller _moderator = new("bench", "m1", "Moderator", Role.Moderator);

    [GlobalSetup]
    public void Setup()
    {
        _copy = Path.Combine(Path.GetTempPath(), $"briefingbot-bench-{Guid.NewGuid():n}.db");
        File.Copy(GeneratedStore.Ensure(), _copy);
        _services = GeneratedStore.Open(_copy);
        _services.GetRequiredService<Knowledge.KnowledgeStartup>().Start(seed: false);
        _router = _services.GetRequiredService<CommandRouter>();
        _autocomplete = _services.GetRequiredService<Autocompleter>();
        _person = CommandCatalogue.Find(["contacts"])!.Option("person")!;
        _proposal = CommandCatalogue.Find(["terms"])!.Option("proposal")!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_copy);
    }

    private object Run(string path, params (string, string)[] options) =>
        _router.RouteAsync(new Invocation(path.Split(' '), options.ToDictionary(o => o.Item1, o => o.Item2), _moderator, "c1", DateTimeOffset.UtcNow))
            .AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public object UpdateTerm() => Run("update term", ("id", $"T{1 + _n++ % 5000}"), ("text", $"Revised wording {_n}"), ("source", "Reuters"));

    [Benchmark]
    public object UpdateAidByStream() => Run("update aid", ("donor", "State 1"), ("recipient", "State 2"), ("category", "military"),
        ("status", (_n++ % 2 == 0) ? "paused" : "resumed"), ("source", "AFP"));

    [Benchmark]
    public object LogContact() => Run("update contact", ("kind", "call"), ("people", "Anna Adler 0, State 3"), ("date", "2025-03-04"),
        ("summary", "Discussed the truce"), ("source", "AP"));

    [Benchmark] public object AutocompletePerson() => _autocomplete.Suggest(_person, "an");
    [Benchmark] public object AutocompleteProposal() => _autocomplete.Suggest(_proposal, "plan 12");
}
