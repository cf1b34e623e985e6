using Humanizer;

namespace BriefingBot.Knowledge;

/// <summary>Aid from a donor to a recipient and where it stands.</summary>
public sealed record AidData(
    long DonorId,
    long RecipientId,
    AidCategory Category,
    AidStatus Status,
    EventDate? Since,
    string? Amount,
    string? Note) : FactData;

/// <summary>The home of aid streams (A2): what a donor gives a recipient and whether it flows.</summary>
public sealed class AidFact : FactKind<AidData>
{
    public override char Letter => 'A';
    public override string Word => "aid";
    public override int BriefingOrder => 2;
    public override string BriefingHeading => "Aid";

    protected override DateOnly? EventDate(AidData a) => a.Since?.Start;
    protected override EventDate? Period(AidData a) => a.Since;
    protected override AidData WithoutPeriod(AidData a) => a with { Since = null };

    protected override string SearchText(AidData a, Func<IEnumerable<long>, string> actorWords) =>
        Join(actorWords([a.DonorId, a.RecipientId]), Vocabulary.Phrase(a.Category), Vocabulary.Phrase(a.Status), a.Amount, a.Note, "aid");

    protected override IEnumerable<long> ActorIds(AidData a) => [a.DonorId, a.RecipientId];

    protected override FactColumns Columns(AidData a) =>
        new(DonorId: a.DonorId, RecipientId: a.RecipientId, Category: Vocabulary.Word(a.Category));

    // "Military", as Humanizer writes it: once per category, since its casing rules run regular expressions on every call.
    private static readonly Dictionary<AidCategory, string> SentenceCase =
        Enum.GetValues<AidCategory>().ToDictionary(c => c, c => Vocabulary.Phrase(c).Humanize(LetterCasing.Sentence));

    protected override string Describe(AidData a, Func<long, string> name)
    {
        var since = a.Since is { } s ? $" since {s.Describe()}" : "";
        var amount = string.IsNullOrWhiteSpace(a.Amount) ? "" : $", {a.Amount}";
        var note = string.IsNullOrWhiteSpace(a.Note) ? "" : $" {a.Note}";
        return $"{SentenceCase[a.Category]} aid from {name(a.DonorId)} to {name(a.RecipientId)}{amount}: " +
               $"{Vocabulary.Phrase(a.Status)}{since}.{note}";
    }

    protected override string? Difference(AidData before, AidData after, Func<long, string> name) => TextChange.Join(
        TextChange.Value(Vocabulary.Phrase(before.Status), Vocabulary.Phrase(after.Status)),
        TextChange.Value(before.Since?.Describe(), after.Since?.Describe(), "since"),
        TextChange.Value(before.Amount, after.Amount, "amount"),
        TextChange.Text(before.Note ?? "", after.Note ?? "", "note"),
        // Donor, recipient and category name the stream; they change only when a moderator corrects a mistake.
        TextChange.People([before.DonorId, before.RecipientId], [after.DonorId, after.RecipientId], name),
        TextChange.Value(Vocabulary.Phrase(before.Category), Vocabulary.Phrase(after.Category), "category"));
}
