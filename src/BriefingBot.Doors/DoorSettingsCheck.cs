using Microsoft.Extensions.Options;

namespace BriefingBot.Doors;

/// <summary>
/// What every door's settings validator checks the same way: the pipeline (queue, workers, the answer budget within the
/// platform's deadline), listen and API addresses, and how a wrong value is quoted. Each message names the setting and
/// its environment variable, and never repeats a secret: validation messages reach logs and terminals.
/// </summary>
public sealed class DoorSettingsCheck(string section)
{
    private readonly List<string> _failures = [];

    /// <summary>"Slack:Workers (BRIEFINGBOT_Slack__Workers)": the setting as a reader finds it in either place.</summary>
    public string Name(string setting) => $"{section}:{setting} (BRIEFINGBOT_{section}__{setting})";

    public void Fail(string message) => _failures.Add(message);

    /// <summary>The queue and worker pool of the door kit, and the budget an answer has before the door defers it.</summary>
    public void Pipeline(int queueCapacity, int workers, string budgetSetting, TimeSpan budget, TimeSpan platformDeadline)
    {
        if (queueCapacity is < 1 or > 100_000) Fail($"{Name("QueueCapacity")} must be between 1 and 100000.");
        if (workers is < 1 or > 64) Fail($"{Name("Workers")} must be between 1 and 64.");
        // Half a second is left for the answer to travel, so every command is answered within the platform's deadline.
        var most = platformDeadline - TimeSpan.FromMilliseconds(500);
        if (budget < TimeSpan.Zero || budget > most)
            Fail($"{Name(budgetSetting)} must be between 00:00:00 and {most:hh\\:mm\\:ss\\.f} so every command is answered within the platform's {platformDeadline.TotalSeconds:0} seconds.");
    }

    /// <summary>An absolute URL with one of <paramref name="schemes"/>; empty passes only when <paramref name="emptyMeans"/> says what empty does.</summary>
    public void Url(string setting, string value, string[] schemes, string example, string? emptyMeans = null)
    {
        if (value.Length == 0 && emptyMeans is not null) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !schemes.Contains(url.Scheme))
            Fail($"{Name(setting)} must be a {string.Join(" or ", schemes.Select(s => s + "://"))} URL such as {example}"
                 + (emptyMeans is null ? "." : $", or empty to {emptyMeans}."));
    }

    /// <summary>A wrong value as a message may quote it: short, so a pasted secret or essay does not fill the log.</summary>
    public static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
