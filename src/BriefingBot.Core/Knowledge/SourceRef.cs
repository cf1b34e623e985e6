namespace BriefingBot.Knowledge;

/// <summary>Where a fact comes from: an outlet, optionally a link and the date it was published.</summary>
public sealed record SourceRef(string Outlet, string? Url = null, DateOnly? Published = null);

/// <summary>The sources a fact cites and how sure we are of it overall; <see cref="Source"/> is the first, and always confirms.</summary>
public sealed record Provenance(SourceRef Source, Confidence Confidence)
{
    /// <summary>The sources cited beside the first, in the order they were added (Wikidata's several references).</summary>
    public IReadOnlyList<CitedSource> Also { get; init; } = [];

    /// <summary>
    /// When the fact took effect in the world (valid time), as the moderator gave it; when null the log takes the fact's
    /// own date (a contact's day, an aid status's since), else the source's date, else the day it is recorded.
    /// </summary>
    public EventDate? Effective { get; init; }

    /// <summary>Every source, the first included.</summary>
    public IReadOnlyList<CitedSource> Sources => [new CitedSource(Source), .. Also];

    /// <summary>The provenance citing <paramref name="sources"/>, whose first must confirm.</summary>
    public static Provenance Of(IReadOnlyList<CitedSource> sources, Confidence confidence) =>
        sources is [{ Stance: SourceStance.Confirms } first, ..]
            ? new Provenance(first.Source, confidence) { Also = sources.Skip(1).ToList() }
            : throw new KnowledgeException("A fact needs a first source that confirms it.");

    // A record compares lists by reference; two provenances are the same when they cite the same sources.
    public bool Equals(Provenance? other) =>
        other is not null && Source == other.Source && Confidence == other.Confidence && Also.SequenceEqual(other.Also);

    public override int GetHashCode() => HashCode.Combine(Source, Confidence, Also.Count);
}

/// <summary>Who made a change: the platform, their id there, and the name to show.</summary>
public sealed record ChangeAuthor(string Platform, string UserId, string DisplayName)
{
    public string Key => $"{Platform}:{UserId}";

    public static readonly ChangeAuthor Seed = new("seed", "seed", "the seed data");
}
