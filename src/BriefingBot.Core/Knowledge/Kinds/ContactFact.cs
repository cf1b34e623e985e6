namespace BriefingBot.Knowledge;

/// <summary>An exchange between two or more actors, held or planned.</summary>
public sealed record ContactData(
    ContactKind Type,
    IReadOnlyList<long> ParticipantIds,
    EventDate? When,
    bool Planned,
    string? Place,
    string Summary,
    string? Tone,
    IReadOnlyList<long>? About = null) : FactData;

/// <summary>The home of contacts (C12): calls, meetings, summits and letters between actors, held or planned.</summary>
public sealed class ContactFact : FactKind<ContactData>
{
    public override char Letter => 'C';
    public override string Word => "contact";
    public override int BriefingOrder => 1;
    public override string BriefingHeading => "Contacts";
    public override bool HappensOnce => true;

    protected override DateOnly? EventDate(ContactData c) => c.When?.Start;
    // A planned contact takes effect when it is announced (the source's date), not on the day it is to happen.
    protected override EventDate? Period(ContactData c) => c.Planned ? null : c.When;
    protected override ContactData WithoutPeriod(ContactData c) => c.Planned ? c : c with { When = null };

    protected override string SearchText(ContactData c, Func<IEnumerable<long>, string> actorWords) =>
        Join(Vocabulary.Phrase(c.Type), actorWords(c.ParticipantIds), c.Place, c.Summary, c.Tone, c.Planned ? "planned" : null);

    protected override IEnumerable<long> ActorIds(ContactData c) => c.ParticipantIds;

    protected override IEnumerable<long> Participants(ContactData c) => c.ParticipantIds.Distinct();

    protected override IEnumerable<long> Links(ContactData c) => c.About ?? [];

    protected override FactColumns Columns(ContactData c) => new(ContactKind: Vocabulary.Word(c.Type), Place: c.Place);

    protected override string Describe(ContactData c, Func<long, string> name)
    {
        var head = c.Planned ? PlannedHeads[c.Type] : Heads[c.Type];
        var when = c.When?.Describe() ?? "date not set";
        var place = string.IsNullOrWhiteSpace(c.Place) ? "" : $", {c.Place}";
        var tone = string.IsNullOrWhiteSpace(c.Tone) ? "" : $" ({c.Tone})";
        return $"{head} between {Names(c.ParticipantIds, name)}, {when}{place}{tone}: {c.Summary}";
    }

    // "Call", "Planned call": each kind's words made once, not on every line.
    private static readonly Dictionary<ContactKind, string> Heads =
        Enum.GetValues<ContactKind>().ToDictionary(k => k, k => char.ToUpperInvariant(Vocabulary.Phrase(k)[0]) + Vocabulary.Phrase(k)[1..]);

    private static readonly Dictionary<ContactKind, string> PlannedHeads =
        Enum.GetValues<ContactKind>().ToDictionary(k => k, k => "Planned " + Vocabulary.Phrase(k));

    // What it is about is said by FactLines, which can name facts.
    protected override string? Difference(ContactData before, ContactData after, Func<long, string> name) => TextChange.Join(
        TextChange.Value(Vocabulary.Phrase(before.Type), Vocabulary.Phrase(after.Type), "kind"),
        before.Planned == after.Planned ? null : before.Planned ? "was planned, now held" : "was held, now planned",
        TextChange.People(before.ParticipantIds, after.ParticipantIds, name),
        TextChange.Value(before.When?.Describe(), after.When?.Describe(), "date"),
        TextChange.Value(before.Place, after.Place, "place"),
        TextChange.Value(before.Tone, after.Tone, "tone"),
        TextChange.Text(before.Summary, after.Summary, "summary"));
}
