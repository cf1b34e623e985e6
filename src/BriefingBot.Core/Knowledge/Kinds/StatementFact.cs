namespace BriefingBot.Knowledge;

/// <summary>Where a statement stands on what it is about.</summary>
public enum Stance { Supports, Rejects, Conditions, Denies, Announces }

/// <summary>What one or more actors said, announced or denied, when, through what, about which facts, and its stance.</summary>
public sealed record StatementData(
    IReadOnlyList<long> SpeakerIds,
    EventDate? When,
    string? Via,
    string Text,
    Stance? Stance,
    IReadOnlyList<long>? About = null) : FactData;

/// <summary>
/// The home of statements (S3): a one-sided statement, a readout, an announcement or a denial. Not a contact: nobody needs
/// to be on the other end, so one speaker is enough.
/// </summary>
public sealed class StatementFact : FactKind<StatementData>
{
    public override char Letter => 'S';
    public override string Word => "statement";
    public override int BriefingOrder => 1;
    public override string BriefingHeading => "Statements";
    public override bool HappensOnce => true;

    /// <summary>How a stance reads in a sentence: "sets conditions" rather than the stored "conditions".</summary>
    public static string Phrase(Stance stance) => stance switch
    {
        Stance.Conditions => "sets conditions",
        _ => Vocabulary.Phrase(stance),
    };

    protected override DateOnly? EventDate(StatementData s) => s.When?.Start;
    protected override EventDate? Period(StatementData s) => s.When;
    protected override StatementData WithoutPeriod(StatementData s) => s with { When = null };

    protected override string SearchText(StatementData s, Func<IEnumerable<long>, string> actorWords) =>
        Join("statement", actorWords(s.SpeakerIds), s.Via, s.Text, s.Stance is { } stance ? Phrase(stance) : null);

    protected override IEnumerable<long> ActorIds(StatementData s) => s.SpeakerIds;

    // Speakers go in the participants index, so "statements of X" walks it as contacts do.
    protected override IEnumerable<long> Participants(StatementData s) => s.SpeakerIds.Distinct();

    protected override IEnumerable<long> Links(StatementData s) => s.About ?? [];

    protected override FactColumns Columns(StatementData s) => new(Stance: s.Stance is { } stance ? Vocabulary.Word(stance) : null);

    protected override string Describe(StatementData s, Func<long, string> name)
    {
        var when = s.When?.Describe() ?? "date not set";
        var via = string.IsNullOrWhiteSpace(s.Via) ? "" : $", {s.Via}";
        var stance = s.Stance is { } st ? $" ({Phrase(st)})" : "";
        return $"Statement by {Names(s.SpeakerIds, name)}, {when}{via}{stance}: {s.Text}";
    }

    // What it is about is said by FactLines, which can name facts.
    protected override string? Difference(StatementData before, StatementData after, Func<long, string> name) => TextChange.Join(
        TextChange.People(before.SpeakerIds, after.SpeakerIds, name, "speakers"),
        TextChange.Value(before.When?.Describe(), after.When?.Describe(), "date"),
        TextChange.Value(before.Via, after.Via, "via"),
        TextChange.Value(before.Stance is { } b ? Phrase(b) : null, after.Stance is { } a ? Phrase(a) : null, "stance"),
        TextChange.Text(before.Text, after.Text, "text"));
}
