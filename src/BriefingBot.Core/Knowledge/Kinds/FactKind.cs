using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Knowledge;

/// <summary>
/// One kind of fact, described wholly by its home in <c>Knowledge/Kinds</c>: its letter and word, its data record, its
/// dates, search text, the actors and parent it names, how it reads and how two versions differ, and its briefing heading.
/// </summary>
/// <remarks>
/// Kinds are found by <see cref="FactKinds"/>, so the rest of the code asks a kind instead of switching on it. Two kinds are
/// equal when they are the same home, whichever instance is at hand.
/// </remarks>
[JsonConverter(typeof(FactKindJsonConverter))]
public abstract class FactKind : IEquatable<FactKind>
{
    /// <summary>The capital letter of its quotable ids, "T" in T4; unique among kinds.</summary>
    public abstract char Letter { get; }

    /// <summary>The stored and spoken word, "term"; unique among kinds, and the JSON discriminator of its data.</summary>
    public abstract string Word { get; }

    /// <summary>The record its revisions hold.</summary>
    public abstract Type DataType { get; }

    /// <summary>Where its changes come in a briefing (lower first); kinds sharing a heading share a section.</summary>
    public abstract int BriefingOrder { get; }

    /// <summary>The heading of its changes in a briefing, "Contacts".</summary>
    public abstract string BriefingHeading { get; }

    /// <summary>The kind its parent must be (a term's proposal), or null when it has none.</summary>
    public virtual FactKind? ParentKind => null;

    /// <summary>The date the fact happened, which lists sort on; null sorts it on the day it was recorded.</summary>
    public abstract DateOnly? EventDate(FactData data);

    /// <summary>The fact's own date with its precision (a contact's day, an aid status's since), or null: when it took effect unless told.</summary>
    public virtual EventDate? Period(FactData data) => null;

    /// <summary>The fact's words without its own date: two versions equal so differ only in when (a date put right).</summary>
    public virtual FactData WithoutPeriod(FactData data) => data;

    /// <summary>
    /// An event (a contact, a statement): it happens once, so each later version corrects the earlier ones and the newest
    /// stands. Otherwise a state (a term, an aid stream): the version that took effect latest stands, so a late entry dated
    /// before it fills in history (<see cref="StandingVersion"/>).
    /// </summary>
    public virtual bool HappensOnce => false;

    /// <summary>The words search matches, given a way to spell out actors with their aliases.</summary>
    public abstract string SearchText(FactData data, Func<IEnumerable<long>, string> actorWords);

    /// <summary>Every actor the data names; import refuses data that names an actor it lacks.</summary>
    public abstract IEnumerable<long> ActorIds(FactData data);

    /// <summary>The fact this one belongs to (a term's proposal), or null.</summary>
    public virtual long? ParentId(FactData data) => null;

    /// <summary>The facts this one is about (a statement about a proposal), so "what was said about P2" walks an index.</summary>
    public virtual IEnumerable<long> Links(FactData data) => [];

    /// <summary>The actors listed as taking part, so "contacts of X" walks an index.</summary>
    public virtual IEnumerable<long> Participants(FactData data) => [];

    /// <summary>The kind-specific columns of the current-state projection.</summary>
    public virtual FactColumns Columns(FactData data) => FactColumns.None;

    /// <summary>The fact as one sentence, given a way to name an actor.</summary>
    public abstract string Describe(FactData data, Func<long, string> name);

    /// <summary>The words that changed between two versions ("was agreed, now disputed"), or null to let the caller compare sentences.</summary>
    public virtual string? Difference(FactData before, FactData after, Func<long, string> name) => null;

    public override string ToString() => Word;

    public bool Equals(FactKind? other) => other is not null && other.GetType() == GetType();

    public sealed override bool Equals(object? obj) => Equals(obj as FactKind);

    public sealed override int GetHashCode() => GetType().GetHashCode();

    public static bool operator ==(FactKind? left, FactKind? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(FactKind? left, FactKind? right) => !(left == right);

    // Shorthands for the kinds that existed before kinds had homes, so code and tests written then still read the same.
    // A new kind needs none: it is reached through its home (or FactKinds.Get).
    public static FactKind Proposal => FactKinds.Get<ProposalFact>();
    public static FactKind Term => FactKinds.Get<TermFact>();
    public static FactKind Contact => FactKinds.Get<ContactFact>();
    public static FactKind Aid => FactKinds.Get<AidFact>();
}

/// <summary>Writes a kind as its word, "term", wherever it appears in JSON (exports).</summary>
public sealed class FactKindJsonConverter : JsonConverter<FactKind>
{
    public override FactKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FactKinds.TryParse(reader.GetString(), out var kind) ? kind : throw new JsonException($"“{reader.GetString()}” is not a kind of fact.");

    public override void Write(Utf8JsonWriter writer, FactKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word);
}
