using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>Every kind the registry finds works everywhere a kind is used, from its home alone.</summary>
public sealed class FactKindTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void The_registry_lists_every_kind_once_with_its_own_letter_and_word()
    {
        var kinds = FactKinds.All;
        Assert.Equal(kinds.Count, kinds.Select(k => k.Letter).Distinct().Count());
        Assert.Equal(kinds.Count, kinds.Select(k => k.Word).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(kinds.Count, kinds.Select(k => k.DataType).Distinct().Count());
        Assert.Superset(new HashSet<string>(["proposal", "term", "contact", "aid"]), kinds.Select(k => k.Word).ToHashSet());
        Assert.All(kinds, k => Assert.Same(k, FactKinds.OfData(k.DataType)));
        Assert.Equal(FactKind.Term, FactKinds.Parse("term"));
        Assert.True(FactKind.Term == FactKinds.Get<TermFact>() && FactKind.Term != FactKind.Proposal);
    }

    [Fact]
    public void Every_kind_has_an_example_here() =>
        Assert.All(FactKinds.All, k => Assert.True(Example(k.Word) is not null, $"add an example of a {k.Word} to {nameof(Example)}"));

    [Fact]
    public void Stored_payloads_keep_the_shape_earlier_releases_wrote() => Assert.Equal(
        """{"$kind":"term","proposalId":3,"topic":"Ceasefire","text":"Thirty days","status":"agreed"}""",
        KnowledgeJson.Serialize(new TermData(3, "Ceasefire", "Thirty days", TermStatus.Agreed)));

    [Fact]
    public void Every_kind_round_trips_through_json_ids_the_store_and_its_sentence()
    {
        var log = _bot.Get<FactLog>();
        var queries = _bot.Get<FactQueries>();
        var lines = _bot.Get<FactLines>();
        foreach (var kind in FactKinds.All)
        {
            var data = Example(kind.Word)!;
            Assert.Equal(kind, data.Kind);

            var json = KnowledgeJson.Serialize(data);
            Assert.StartsWith($$"""{"$kind":"{{kind.Word}}",""", json);
            Assert.Equal(json, KnowledgeJson.Serialize(KnowledgeJson.Deserialize(json)));

            var code = new FactCode(kind, 7);
            Assert.Equal($"{kind.Letter}7", code.ToString());
            Assert.True(FactCode.TryParse(code.ToString().ToLowerInvariant(), out var parsed));
            Assert.Equal(code, parsed);

            var made = log.Record(data, null, new Provenance(new SourceRef("Reuters"), Confidence.Reported), new ChangeAuthor("test", "mo", "mo"), null);
            Assert.Equal(kind, made.Current.Code.Kind);
            var read = queries.Get(made.Current.Code)!.Current;
            Assert.Equal(json, KnowledgeJson.Serialize(read.Data));
            Assert.Equal(1, _bot.Count($"SELECT COUNT(*) FROM current_facts WHERE fact_id = {read.FactId} AND kind = '{kind.Word}' AND live = 1"));
            Assert.Equal(1, _bot.Count($"SELECT COUNT(*) FROM fact_text WHERE rowid = {read.FactId} AND body <> ''"));
            Assert.Equal(kind.Participants(data).Count(), _bot.Count($"SELECT COUNT(*) FROM current_participants WHERE fact_id = {read.FactId}"));

            var sentence = lines.Describe(read.Data);
            Assert.False(string.IsNullOrWhiteSpace(sentence));
            Assert.DoesNotContain("actor ", sentence);
            Assert.Equal("source or confidence updated", lines.Difference(data, read.Data));
            Assert.Equal($"New {kind.Word}: {sentence}", lines.Change(made, TestBot.Start).Text);
        }
        Assert.Empty(KnowledgeTransfer.Validate(_bot.Get<KnowledgeTransfer>().Export(), out _));
    }

    /// <summary>A valid record of each kind, naming seeded actors (1, 2) and the seeded proposal P1 (fact 1).</summary>
    private static FactData? Example(string word) => word switch
    {
        "proposal" => new ProposalData("Jeddah framework", ProposalStatus.Proposed, [1, 2], "A second plan"),
        "term" => new TermData(1, "Prisoners", "All for all", TermStatus.Proposed),
        "contact" => new ContactData(ContactKind.Call, [1, 2], new EventDate(new DateOnly(2025, 3, 9), DatePrecision.Day), false, "Riyadh", "A call", null),
        "aid" => new AidData(1, 2, AidCategory.Financial, AidStatus.Pledged, null, "$1bn", null),
        "role" => new RoleData(2, 8, "President", new EventDate(new DateOnly(2019, 5, 20), DatePrecision.Day), null),
        "statement" => new StatementData([1], new EventDate(new DateOnly(2025, 3, 13), DatePrecision.Day), "a press conference", "Supports a truce",
            Stance.Conditions, [1]),
        _ => null,
    };
}
