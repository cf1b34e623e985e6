namespace BriefingBot.Knowledge;

/// <summary>Where a fact comes from: an outlet, optionally a link and the date it was published.</summary>
public sealed record SourceRef(string Outlet, string? Url = null, DateOnly? Published = null);

/// <summary>The source a fact cites and how sure we are of it.</summary>
public sealed record Provenance(SourceRef Source, Confidence Confidence);

/// <summary>Who made a change: the platform, their id there, and the name to show.</summary>
public sealed record ChangeAuthor(string Platform, string UserId, string DisplayName)
{
    public string Key => $"{Platform}:{UserId}";

    public static readonly ChangeAuthor Seed = new("seed", "seed", "the seed data");
}
