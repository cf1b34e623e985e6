using System.Text.Json.Serialization;

namespace BriefingBot.Knowledge;

/// <summary>The fields of one fact at one revision; stored as JSON in the revision.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(ProposalData), "proposal")]
[JsonDerivedType(typeof(TermData), "term")]
[JsonDerivedType(typeof(ContactData), "contact")]
[JsonDerivedType(typeof(AidData), "aid")]
public abstract record FactData
{
    [JsonIgnore] public abstract FactKind Kind { get; }
}

/// <summary>A named plan with sponsors and a status.</summary>
public sealed record ProposalData(string Name, ProposalStatus Status, IReadOnlyList<long> SponsorIds, string? Summary) : FactData
{
    public override FactKind Kind => FactKind.Proposal;
}

/// <summary>One clause of a proposal.</summary>
public sealed record TermData(long ProposalId, string Topic, string Text, TermStatus Status) : FactData
{
    public override FactKind Kind => FactKind.Term;
}

/// <summary>An exchange between two or more actors, held or planned.</summary>
public sealed record ContactData(
    ContactKind Type,
    IReadOnlyList<long> ParticipantIds,
    EventDate? When,
    bool Planned,
    string? Place,
    string Summary,
    string? Tone) : FactData
{
    public override FactKind Kind => FactKind.Contact;
}

/// <summary>Aid from a donor to a recipient and where it stands.</summary>
public sealed record AidData(
    long DonorId,
    long RecipientId,
    AidCategory Category,
    AidStatus Status,
    EventDate? Since,
    string? Amount,
    string? Note) : FactData
{
    public override FactKind Kind => FactKind.Aid;
}
