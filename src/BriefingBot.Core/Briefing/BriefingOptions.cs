using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Briefing;

/// <summary>Settings of the <c>Briefing</c> section: which channels get a daily briefing, and how missed ones are caught up.</summary>
public sealed class BriefingOptions : IValidatableObject
{
    public const string Section = "Briefing";

    /// <summary>Schedules from configuration; a schedule set in chat for the same channel takes precedence.</summary>
    public List<ScheduleOptions> Schedules { get; set; } = [];

    /// <summary>A slot missed while the bot was down is still posted on start-up if it is at most this old.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The zone a chat-set schedule uses when none is given.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long a claimed run may stay unfinished before it is retried. Kept within the few minutes a platform that
    /// honours nonces remembers one, so a retry after a crash between the send and the record is dropped there rather
    /// than posted twice.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the contact picture's fonts are; relative paths are beside the program.</summary>
    public string FontPath { get; set; } = "config/fonts";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CatchUpWindow < TimeSpan.Zero || CatchUpWindow > TimeSpan.FromDays(7))
            yield return new ValidationResult("Set Briefing:CatchUpWindow to a duration between 00:00:00 and 7.00:00:00, for example 06:00:00.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
            yield return new ValidationResult($"Briefing:DefaultTimeZone “{DefaultTimeZone}” is not a time zone; use an IANA name such as Europe/Paris.");
        for (var i = 0; i < Schedules.Count; i++)
        {
            var s = Schedules[i];
            var at = $"Briefing:Schedules:{i}";
            if (string.IsNullOrWhiteSpace(s.Platform) || string.IsNullOrWhiteSpace(s.Channel))
                yield return new ValidationResult($"Set {at}:Platform (the platform's name, such as terminal) and {at}:Channel (the channel id).");
            if (!BriefingSchedule.TryCreate(s.Cron, s.TimeZone ?? DefaultTimeZone, out _, out var error))
                yield return new ValidationResult($"{at}: {error}");
        }
    }
}

/// <summary>One configured schedule: a channel, a cron expression and an IANA time zone.</summary>
public sealed class ScheduleOptions
{
    public string Platform { get; set; } = "";
    public string Channel { get; set; } = "";

    /// <summary>Five-field cron, for example <c>0 8 * * 1-5</c> for 08:00 on weekdays.</summary>
    public string Cron { get; set; } = "";

    public string? TimeZone { get; set; }
}
