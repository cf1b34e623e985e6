using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Doors;

/// <summary>
/// The one way every door stops the program when carrying on cannot help: one clear log line saying what happened
/// and what to fix, then the host shuts down with an exit code that tells a service manager whether restarting is
/// any use. The first stop wins; later ones are ignored, so a cascade of failures still ends in one line.
/// </summary>
public sealed class DoorShutdown(ILogger<DoorShutdown> logger, IHostApplicationLifetime? lifetime = null) : IDisposable
{
    /// <summary>The platform refused the bot (a rejected token, a disabled link): restarting repeats the refusal; fix the settings.</summary>
    public const int RefusedExitCode = 3;

    /// <summary>A door failed in a way it did not expect (its input broke, a bug): restarting may help.</summary>
    public const int FailedExitCode = 1;

    private readonly CancellationTokenSource _stopped = new();
    private string? _reason;

    /// <summary>Cancelled once a door has stopped the program; loops that talk to a platform stop with it.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public string? Reason => _reason;

    /// <summary>0 until a door stops the program; then the code the program should exit with.</summary>
    public int ExitCode { get; private set; }

    /// <summary>The platform refused the bot in a way only a change of settings can fix; exit code 3.</summary>
    public void Stop(string reason) => End(reason, RefusedExitCode, null);

    /// <summary>A door's loop broke; exit code 1. Pass the error when it is a bug, so its stack trace reaches the log.</summary>
    public void Fail(string reason, Exception? error = null) => End(reason, FailedExitCode, error);

    private void End(string reason, int exitCode, Exception? error)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null) return;
        ExitCode = exitCode;
        // The reason is the line an operator reads; the exception, when there is one, follows it for whoever must debug.
        logger.LogCritical(error, "{Reason} The program exits with code {ExitCode}.", reason, exitCode);
        _stopped.Cancel();
        lifetime?.StopApplication();
    }

    public void Dispose() => _stopped.Dispose();
}
