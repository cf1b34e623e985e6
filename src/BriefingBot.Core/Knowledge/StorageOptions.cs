using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Knowledge;

/// <summary>Settings of the <c>Storage</c> section: where the knowledge lives and how it is seeded.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; relative paths are under the current directory.</summary>
    [Required(ErrorMessage = "Set Storage:Path (or BRIEFINGBOT_Storage__Path) to the SQLite file to use, for example data/briefingbot.db.")]
    public string Path { get; set; } = "data/briefingbot.db";

    /// <summary>The folder of seed files applied once to a new database; empty to start with no knowledge.</summary>
    public string SeedPath { get; set; } = "config/seed";

    public const int DefaultRevisionCacheSize = 20_000;

    /// <summary>
    /// How many revisions read from the file are kept in memory for reuse (about 1 KB each); 0 reads each one every time.
    /// Revisions never change, so the kept ones are never stale.
    /// </summary>
    [Range(0, 10_000_000, ErrorMessage = "Set Storage:RevisionCacheSize to a number of revisions between 0 (off) and 10000000.")]
    public int RevisionCacheSize { get; set; } = DefaultRevisionCacheSize;
}

/// <summary>Settings of the <c>Knowledge</c> section: how answers judge facts.</summary>
public sealed class KnowledgeOptions : IValidatableObject
{
    public const string Section = "Knowledge";

    /// <summary>Facts whose source is older than this many days are marked as possibly stale.</summary>
    [Range(1, 3650, ErrorMessage = "Set Knowledge:StaleAfterDays to a number of days between 1 and 3650.")]
    public int StaleAfterDays { get; set; } = 14;

    /// <summary>How many lines an answer lists before it says how many more there are.</summary>
    [Range(1, 100, ErrorMessage = "Set Knowledge:MaxLines to a number between 1 and 100.")]
    public int MaxLines { get; set; } = 15;

    /// <summary>How much memory answers kept for reuse may take (<see cref="Commands.AnswerCache"/>); 0 composes every answer afresh.</summary>
    [Range(0, 1024, ErrorMessage = "Set Knowledge:AnswerCacheMegabytes to a number of megabytes between 0 (off) and 1024.")]
    public int AnswerCacheMegabytes { get; set; } = 8;

    /// <summary>
    /// The desk's IANA time zone (<see cref="DeskZone"/>): the day "today", "yesterday", a bare as_of date and "3 days ago" mean.
    /// UTC by default, as before the setting existed.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DeskZone.Find(TimeZone) is null)
            yield return new ValidationResult($"Knowledge:TimeZone “{TimeZone}” is not a time zone; use an IANA name such as Europe/Kyiv, or UTC.");
    }
}
