using BriefingBot.Commands;
using BriefingBot.Doors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Terminal;

/// <summary>
/// The embedded chat: reads commands from standard input, answers on standard output. At a terminal it prompts;
/// from a pipe it answers each line and stops the host at end of input, so it can be scripted. Should reading or
/// writing fail, it stops the program through <see cref="DoorShutdown"/> with a non-zero exit code, as any door would.
/// </summary>
public sealed class TerminalChat(
    CommandRouter router, TextRenderer renderer, TerminalAttachments attachments, IOptions<TerminalOptions> options,
    IHostApplicationLifetime lifetime, DoorShutdown shutdown, TerminalIo io) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var caller = options.Value.Caller();
        try
        {
            if (io.Interactive)
                await io.Output.WriteAsync($"BriefingBot — type /help to see what I can do, /quit to leave. You are {caller.DisplayName} ({caller.Role.ToString().ToLowerInvariant()}).\n");
            while (!stoppingToken.IsCancellationRequested)
            {
                if (io.Interactive) await io.Output.WriteAsync("> ");
                await io.Output.FlushAsync(stoppingToken);
                var line = await io.Input.ReadLineAsync(stoppingToken);
                if (line is null) break;
                line = line.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (line is "/quit" or "/exit") break;
                var reply = await router.RouteTextAsync(line, caller, TerminalPublisher.ChannelId, stoppingToken);
                await io.Output.WriteAsync(renderer.Render(reply) + attachments.Save(reply) + (io.Interactive ? "" : "\n"));
                await io.Output.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Left to the host, a failed loop would stop it with exit code 0, and a script would take the silence for success.
            // A broken input or output is said in one line; anything else is a bug, so its stack trace comes too.
            shutdown.Fail($"The terminal chat stopped: {e.Message.TrimEnd('.')}.", e is IOException or UnauthorizedAccessException ? null : e);
            return;
        }
        lifetime.StopApplication();
    }
}

/// <summary>The terminal's input and output; the console by default, swappable so tests can drive the chat.</summary>
public sealed record TerminalIo(TextReader Input, TextWriter Output, bool Interactive)
{
    public static TerminalIo Console() => new(System.Console.In, System.Console.Out, !System.Console.IsInputRedirected);
}
