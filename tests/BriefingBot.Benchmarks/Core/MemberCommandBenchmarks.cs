using BenchmarkDotNet.Attributes;
using BriefingBot.Commands;
using BriefingBot.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// Each member command on a store of 100,000 facts, from its parsed invocation to its rendered reply, composed afresh
/// every time (the answer cache off: what a question costs the first time after a write; AnswerCacheBenchmarks
/// measures it on). Target: p99 under 1 ms (search: under 5 ms, even for a word in a third of all facts).
/// </summary>
[Config(typeof(LatencyConfig))]
public class MemberCommandBenchmarks
{
    private ServiceProvider _services = null!;
    private CommandRouter _router = null!;
    private TextRenderer _renderer = null!;
    private readonly Caller _caller = new("bench", "u1", "Reader", Role.Member);

    [GlobalSetup]
    public void Setup()
    {
        _services = GeneratedStore.Open(GeneratedStore.Ensure(), answerCacheMegabytes: 0);
        _services.GetRequiredService<Knowledge.KnowledgeStartup>().Start(seed: false);
        _router = _services.GetRequiredService<CommandRouter>();
        _renderer = new TextRenderer(TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    private string Answer(string path, params (string Name, string Value)[] options)
    {
        var invocation = new Invocation(path.Split(' '), options.ToDictionary(o => o.Name, o => o.Value), _caller, "c1", DateTimeOffset.UtcNow);
        return _renderer.Render(_router.RouteAsync(invocation).AsTask().GetAwaiter().GetResult());
    }

    [Benchmark] public string Terms() => Answer("terms");
    [Benchmark] public string TermsAsOf() => Answer("terms", ("proposal", "P40"), ("as_of", "2024-06-01"));
    [Benchmark] public string TermsOn() => Answer("terms", ("proposal", "P40"), ("on", "2024-06-01"));
    [Benchmark] public string TermsAsOfOn() => Answer("terms", ("proposal", "P40"), ("as_of", "2024-06-01"), ("on", "2024-03-01"));
    [Benchmark] public string ContactsOn() => Answer("contacts", ("on", "2024-06-01"));
    [Benchmark] public string ContactsOfPersonAsOf() => Answer("contacts", ("person", "Anna Adler 0"), ("as_of", "2024-06-01"));
    [Benchmark] public string AidOn() => Answer("aid", ("on", "2024-06-01"));
    [Benchmark] public string AidAsOf() => Answer("aid", ("as_of", "2024-06-01"));
    [Benchmark] public string AidFilteredOn() => Answer("aid", ("donor", "State 4"), ("category", "military"), ("on", "2024-06-01"));
    [Benchmark] public string BriefingOn() => Answer("briefing", ("on", "2024-06-01"));
    [Benchmark] public string BriefingAsOf() => Answer("briefing", ("as_of", "2024-06-01"));
    [Benchmark] public string Contacts() => Answer("contacts");
    [Benchmark] public string ContactsOfPerson() => Answer("contacts", ("person", "Anna Adler 0"), ("since", "2024-01-01"));
    [Benchmark] public string ContactsWithKind() => Answer("contacts", ("person", "State 3"), ("with", "State 7"), ("kind", "summit"));
    [Benchmark] public string ContactsOfStateAndItsPeople() => Answer("contacts", ("person", "State 3"));
    [Benchmark] public string ContactsAtPlace() => Answer("contacts", ("place", "Capital 7"));
    [Benchmark] public string WhoPerson() => Answer("who", ("name", "Anna Adler 0"));
    [Benchmark] public string WhoState() => Answer("who", ("name", "State 3"));
    [Benchmark] public string WhoPersonOn() => Answer("who", ("name", "Anna Adler 0"), ("on", "2024-06-01"));
    [Benchmark] public string WhoStateAsOf() => Answer("who", ("name", "State 3"), ("as_of", "2024-06-01"));
    [Benchmark] public string StatementsAboutOn() => Answer("statements", ("about", "P40"), ("on", "2024-06-01"));
    [Benchmark] public string Statements() => Answer("statements");
    [Benchmark] public string StatementsOfPerson() => Answer("statements", ("person", "Anna Adler 0"), ("stance", "supports"));
    [Benchmark] public string StatementsAbout() => Answer("statements", ("about", "P40"), ("since", "2024-01-01"));
    [Benchmark] public string Aid() => Answer("aid");
    [Benchmark] public string AidFiltered() => Answer("aid", ("donor", "State 4"), ("category", "military"));
    // Since the last two days of the generated history: what changed then, plus the roles recorded when the store was built,
    // fill the 60 changes a briefing lists, however old the store is (asked without since:, a store built more than a day
    // before had nothing new and briefed in a fraction of the time).
    [Benchmark] public string Briefing() => Answer("briefing", ("since", "2025-12-30"));
    [Benchmark] public string Changes() => Answer("changes", ("since", "2025-01-01"));
    [Benchmark] public string ChangesOn() => Answer("changes", ("on", "2024-06-01"));
    [Benchmark] public string ChangesOnAsOf() => Answer("changes", ("on", "2024-06-01"), ("as_of", "2024-09-01"));
    [Benchmark] public string History() => Answer("history", ("id", "C500"));
    [Benchmark] public string Help() => Answer("help");
    [Benchmark] public string SearchCommonWord() => Answer("search", ("query", "ceasefire"));
    [Benchmark] public string SearchTwoWords() => Answer("search", ("query", "grain corridor"));
    [Benchmark] public string SearchRareWord() => Answer("search", ("query", "Plan 5000"));
    // Words in a past view: each matching revision's fact read as the view sees it (revision_text, migration 0016).
    [Benchmark] public string SearchWordsAsOf() => Answer("search", ("query", "ceasefire"), ("as_of", "2024-06-01"));
    [Benchmark] public string SearchWordsOn() => Answer("search", ("query", "ceasefire"), ("on", "2024-06-01"));
    [Benchmark] public string SearchRareWordOn() => Answer("search", ("query", "Plan 5000"), ("on", "2024-06-01"));
    // Reuters (with its readouts and numbered sources) is cited by more than a sixth of all facts; "Kyiv Independent 2"
    // by about one in seventy; the word with an outlet checks each newest "ceasefire" hit against the outlet's rows.
    [Benchmark] public string SearchBySource() => Answer("search", ("source", "Reuters"));
    [Benchmark] public string SearchBySourceRare() => Answer("search", ("source", "Kyiv Independent 2"));
    [Benchmark] public string SearchBySourceAndWord() => Answer("search", ("query", "ceasefire"), ("source", "Kyiv Independent 2"));
    [Benchmark] public string SearchBySourceUnknown() => Answer("search", ("source", "Reutres"));
    // Reuters alone confirms most of the facts citing it; a past view walks the outlet's past list and reads each fact as it was.
    [Benchmark] public string SearchBySourceAlone() => Answer("search", ("source", "Reuters"), ("alone", "true"));
    [Benchmark] public string SearchBySourceAloneAndWord() => Answer("search", ("query", "ceasefire"), ("source", "BBC"), ("alone", "true"));
    [Benchmark] public string SearchBySourceAsOf() => Answer("search", ("source", "Reuters"), ("as_of", "2024-06-01"));
    [Benchmark] public string SearchBySourceOn() => Answer("search", ("source", "Reuters"), ("on", "2024-06-01"));
    [Benchmark] public string SearchBySourceRareAsOf() => Answer("search", ("source", "Kyiv Independent 2"), ("as_of", "2024-06-01"));
    [Benchmark] public string SearchBySourceAloneOn() => Answer("search", ("source", "Reuters"), ("alone", "true"), ("on", "2024-06-01"));
    [Benchmark] public string SearchWordAndSourceOn() => Answer("search", ("query", "ceasefire"), ("source", "Reuters"), ("on", "2024-06-01"));
    [Benchmark] public string SearchWordAndRareSourceAsOf() => Answer("search", ("query", "ceasefire"), ("source", "Kyiv Independent 2"), ("as_of", "2024-06-01"));
}
