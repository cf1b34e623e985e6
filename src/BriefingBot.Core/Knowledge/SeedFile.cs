namespace BriefingBot.Knowledge;

/// <summary>The shape of a file in <c>config/seed/</c>: facts named by actor names, all citing one source.</summary>
public sealed record SeedFile(
    string? Description,
    DateTimeOffset RecordedAt,
    SourceRef Source,
    IReadOnlyList<SeedFile.SeedActor>? Actors,
    IReadOnlyList<SeedFile.SeedProposal>? Proposals,
    IReadOnlyList<SeedFile.SeedContact>? Contacts,
    IReadOnlyList<SeedFile.SeedAid>? Aid)
{
    /// <param name="Places">Aliases that are places (a capital for its state): they find the actor, search does not read them as it.</param>
    public sealed record SeedActor(string Name, ActorKind Kind, IReadOnlyList<string>? Aliases, IReadOnlyList<string>? Places = null);

    public sealed record SeedProposal(string Name, ProposalStatus Status, IReadOnlyList<string> Sponsors, string? Summary,
        Confidence Confidence, IReadOnlyList<SeedTerm>? Terms);

    public sealed record SeedTerm(string Topic, string Text, TermStatus Status, Confidence Confidence);

    public sealed record SeedContact(ContactKind Type, IReadOnlyList<string> Participants, EventDate? When, bool Planned,
        string? Place, string Summary, string? Tone, Confidence Confidence);

    public sealed record SeedAid(string Donor, string Recipient, AidCategory Category, AidStatus Status, EventDate? Since,
        string? Amount, string? Note, Confidence Confidence);
}
