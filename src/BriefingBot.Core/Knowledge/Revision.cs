namespace BriefingBot.Knowledge;

/// <summary>What a revision did to its fact.</summary>
public enum RevisionAction { Create, Change, Retract, Undo }

/// <summary>One immutable version of a fact, with who recorded it, when and why.</summary>
public sealed record Revision(
    long Id,
    long FactId,
    FactCode Code,
    RevisionAction Action,
    bool Retracted,
    FactData Data,
    Provenance Provenance,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string RecordedByName,
    string? Reason,
    long? UndoesRevisionId)
{
    /// <summary>
    /// For a retraction or an undo whose source has no date of its own: when the version it carries was recorded, the day its
    /// citation gives (a claim withdrawn on 21 March still cites the report of 18 March); for a change that kept the words and
    /// the undated source (a source added, a confidence changed), when they were first recorded (a Telegram post of 14 March
    /// with another channel cited on the 20th is still of 14 March); null when that is <see cref="RecordedAt"/>.
    /// </summary>
    public DateTimeOffset? CitedAt { get; init; }

    /// <summary>The version whose effect date this one put right (the same words, another date): it takes effect nowhere since.</summary>
    public long? CorrectsRevisionId { get; init; }
}

/// <summary>A fact as it stands at some moment, with the revision before its latest one when that matters.</summary>
public sealed record FactView(Revision Current, Revision? Previous = null)
{
    public FactCode Code => Current.Code;
    public FactData Data => Current.Data;

    /// <summary>
    /// Set when a change just recorded does not stand: it took effect before the version that does (history filled in late),
    /// which this is. Null when the change stands.
    /// </summary>
    public Revision? Standing { get; init; }

    /// <summary>The version whose effect date a change just recorded put right, when it did.</summary>
    public Revision? Corrected { get; init; }

    /// <summary>
    /// Set when a change with no date given would have taken effect before the version it replaced (its source is older), so it
    /// took effect when that one did instead.
    /// </summary>
    public bool DatedByWhatItReplaced { get; init; }
}
