namespace BriefingBot.Knowledge;

/// <summary>A named plan with sponsors and a status.</summary>
public sealed record ProposalData(string Name, ProposalStatus Status, IReadOnlyList<long> SponsorIds, string? Summary) : FactData;

/// <summary>The home of proposals (P1): a plan's name, sponsors and where it stands; its terms point to it.</summary>
public sealed class ProposalFact : FactKind<ProposalData>
{
    public override char Letter => 'P';
    public override string Word => "proposal";
    public override int BriefingOrder => 0;
    public override string BriefingHeading => "Terms and proposals";

    protected override string SearchText(ProposalData p, Func<IEnumerable<long>, string> actorWords) =>
        Join(p.Name, Vocabulary.Phrase(p.Status), p.Summary, actorWords(p.SponsorIds));

    protected override IEnumerable<long> ActorIds(ProposalData p) => p.SponsorIds;

    // The name is a column so lookups by name and "the newest proposal" read no JSON.
    protected override FactColumns Columns(ProposalData p) => new(Title: p.Name);

    protected override string Describe(ProposalData p, Func<long, string> name) =>
        $"{p.Name}: {Vocabulary.Phrase(p.Status)}, sponsored by {Names(p.SponsorIds, name)}";

    protected override string? Difference(ProposalData before, ProposalData after, Func<long, string> name) => TextChange.Join(
        TextChange.Text(before.Name, after.Name, "name"),
        TextChange.Value(Vocabulary.Phrase(before.Status), Vocabulary.Phrase(after.Status)),
        TextChange.People(before.SponsorIds, after.SponsorIds, name, "sponsors"),
        TextChange.Text(before.Summary ?? "", after.Summary ?? "", "summary"));
}
