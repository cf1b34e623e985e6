using System.Text.Json;

namespace BriefingBot.Knowledge;

/// <summary>The whole knowledge with its history, as written by <c>export</c> and read by <c>import</c>.</summary>
public sealed record KnowledgeExport(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    IReadOnlyList<KnowledgeExport.ActorEntry> Actors,
    IReadOnlyList<KnowledgeExport.FactEntry> Facts,
    IReadOnlyList<KnowledgeExport.RevisionEntry> Revisions)
{
    public const string FormatName = "briefingbot-knowledge";
    /// <summary>
    /// 2 added <see cref="RevisionEntry.Sources"/>; 3 added <see cref="RevisionEntry.Effective"/>; 4 added
    /// <see cref="RevisionEntry.CorrectsRevisionId"/> (an older build refuses the file rather than drop a date put right). Older
    /// files still import: a revision without an effect date takes it by the rule migration 0009 follows (its own date, its
    /// source's, the day recorded).
    /// </summary>
    public const int CurrentVersion = 4;

    public const int OldestVersion = 1;

    /// <param name="Places">The aliases that are places (search leaves them out); absent in files written before there were any.</param>
    public sealed record ActorEntry(long Id, string Name, ActorKind Kind, IReadOnlyList<string> Aliases, DateTimeOffset RecordedAt, string RecordedBy,
        IReadOnlyList<string>? Places = null);

    public sealed record FactEntry(long Id, FactKind Kind, int Number, long? ParentId);

    public sealed record RevisionEntry(
        long Id, long FactId, RevisionAction Action, bool Retracted, JsonElement Data, SourceRef Source, Confidence Confidence,
        DateTimeOffset RecordedAt, string RecordedBy, string RecordedByName, string? Reason, long? UndoesRevisionId,
        IReadOnlyList<CitedSource>? Sources = null, EventDate? Effective = null, long? CorrectsRevisionId = null)
    {
        /// <summary>The sources it cites: <see cref="Sources"/> (written only when there are several), else <see cref="Source"/>;
        /// and when it took effect.</summary>
        public Provenance Provenance() =>
            (Sources is { Count: > 0 } all ? Knowledge.Provenance.Of(all, Confidence) : new(Source, Confidence)) with { Effective = Effective };
    }
}
