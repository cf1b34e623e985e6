using BenchmarkDotNet.Attributes;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>The pieces a command is made of, to see where its time goes: one query, one payload, one citation.</summary>
[MemoryDiagnoser]
public class PieceBenchmarks
{
    private ServiceProvider _services = null!;
    private FactQueries _queries = null!;
    private FactLines _lines = null!;
    private string _payload = null!;
    private Revision _revision = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = GeneratedStore.Open(GeneratedStore.Ensure());
        _services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        _queries = _services.GetRequiredService<FactQueries>();
        _lines = _services.GetRequiredService<FactLines>();
        _revision = _queries.Get(new FactCode(FactKind.Contact, 500))!.Current;
        _payload = KnowledgeJson.Serialize(_revision.Data);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark] public object GetOneFact() => _queries.Get(new FactCode(FactKind.Contact, 500))!;
    [Benchmark] public object NewestProposal() => _queries.NewestProposal()!;
    [Benchmark] public object DeserializePayload() => KnowledgeJson.Deserialize(_payload);
    [Benchmark] public object DescribeAndCite() => _lines.Line(_revision, DateTimeOffset.UtcNow);
    [Benchmark] public string CiteOnly() => Phrases.Provenance(_lines.Provenance(_revision, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
    [Benchmark] public object Changes30() => _queries.Changes(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 30);
}
