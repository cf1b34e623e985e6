using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord;

/// <summary>
/// Stops the whole bot when Discord says retrying cannot help (a rejected token, a disallowed intent): one clear
/// log line saying what to fix, then the host shuts down instead of hammering Discord.
/// </summary>
public sealed class DoorShutdown(ILogger<DoorShutdown> logger, IHostApplicationLifetime? lifetime = null)
{
    /// <summary>The process exit code after a stop that retrying cannot fix.</summary>
    public const int ExitCode = 3;

    private readonly CancellationTokenSource _stopped = new();
    private string? _reason;

    public CancellationToken Stopped => _stopped.Token;
    public string? Reason => _reason;

    public void Stop(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null) return;
        logger.LogCritical("{Reason}", reason);
        // A distinct exit code, so a service manager can be told not to restart into the same refusal (see the README's unit).
        Environment.ExitCode = ExitCode;
        _stopped.Cancel();
        lifetime?.StopApplication();
    }
}
