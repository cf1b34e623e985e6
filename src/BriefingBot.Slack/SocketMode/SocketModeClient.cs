using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Doors;
using BriefingBot.Slack.Commands;
using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.SocketMode;

/// <summary>How one Socket Mode connection ended, which decides what the client does next.</summary>
public enum ConnectionEnd { Refresh, TooManyWebsockets, LinkDisabled, Dropped, NoHello, Stopping }

/// <summary>
/// Keeps exactly one Socket Mode connection to Slack: open a URL with apps.connections.open, wait for hello, acknowledge
/// every envelope the moment it arrives and hand slash commands to the worker queue, then on a disconnect or a dead
/// socket close it fully before opening the next one. Reconnects after failures wait 1 s, 2 s, 4 s … up to
/// Slack:MaxReconnectDelay; a refresh Slack asked for on a working connection reconnects at once.
/// </summary>
public sealed class SocketModeClient(
    SlackWebApi api, SlashCommandQueue queue, SlashCommandAnswerer answerer, SlashCommandResponder responder, BlockKitRenderer renderer,
    EnvelopeLedger ledger, IOptions<SlackOptions> options, DoorShutdown shutdown, TimeProvider time, ILogger<SocketModeClient> logger)
    : BackgroundService
{
    private int _connections;

    /// <summary>How many sockets this client has opened so far; tests and diagnostics read it.</summary>
    public int Connections => _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Mode != SlackMode.SocketMode) return;
        // Another door stopping the program ends this loop too, without waiting for the host to get round to it.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Stopped);
        stoppingToken = linked.Token;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Backoff(failures, o.MaxReconnectDelay);
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    logger.LogInformation("Reconnecting to Slack in {Seconds:F0} s", delay.TotalSeconds);
                    await Task.Delay(delay, time, stoppingToken);
                }
                Uri url;
                try
                {
                    url = await OpenAsync(stoppingToken);
                }
                catch (SlackApiException e) when (e.IsAuthError)
                {
                    // The Web API client has already stopped the program, with the line that says what to fix.
                    return;
                }
                catch (SlackApiException)
                {
                    failures++;
                    continue;
                }
                var (end, helloSeen) = await RunConnectionAsync(url, stoppingToken);
                if (helloSeen) failures = 0;
                switch (end)
                {
                    case ConnectionEnd.Stopping:
                        return;
                    case ConnectionEnd.LinkDisabled:
                        shutdown.Stop("Slack disabled this app's Socket Mode (link_disabled); the Slack door stops. Turn Socket Mode back on in the " +
                                      "app's settings, or set Slack:Mode (BRIEFINGBOT_Slack__Mode) to Http, and start the bot again.");
                        return;
                    case ConnectionEnd.Refresh when helloSeen:
                        failures = 0;
                        break;
                    default:
                        failures++;
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever goes wrong with one connection, the door keeps trying; only auth errors and link_disabled stop it.
                logger.LogError(e, "The Slack Socket Mode connection failed unexpectedly");
                failures++;
            }
        }
    }

    /// <summary>No wait before the first try or after a refresh; then 1 s doubling up to the cap.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan max) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 30))));

    private async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var result = await api.CallAsync(SlackWebApi.ConnectionsOpen, [], options.Value.AppToken, cancellationToken);
        var given = result.TryGetProperty("url", out var u) ? u.GetString() : null;
        var url = options.Value.SocketModeUrl is { Length: > 0 } overridden ? overridden : given;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            logger.LogWarning("Slack apps.connections.open answered without a usable WebSocket URL");
            throw new SlackApiException(SlackWebApi.ConnectionsOpen, "no_url");
        }
        return uri;
    }

    private async Task<(ConnectionEnd End, bool HelloSeen)> RunConnectionAsync(Uri url, CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var connection = new SocketModeConnection(o.PingInterval, o.PingTimeout);
        var helloSeen = false;
        // The URL carries a one-time ticket, so only its host is ever logged.
        var host = url.Host;
        using var helloDeadline = new CancellationTokenSource(o.HelloTimeout, time);
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, helloDeadline.Token);
        try
        {
            Interlocked.Increment(ref _connections);
            await connection.ConnectAsync(url, receiving.Token);
            while (true)
            {
                var text = await connection.ReceiveAsync(helloSeen ? stoppingToken : receiving.Token);
                if (text is null)
                {
                    logger.LogWarning("Slack closed the socket ({Host}) without a disconnect message", host);
                    await CloseAsync(connection, "closed by Slack");
                    return (ConnectionEnd.Dropped, helloSeen);
                }
                JsonElement message;
                try
                {
                    // A slash command's text may escape a lone surrogate, which JsonElement.GetString would refuse.
                    using var document = JsonDocument.Parse(BriefingBot.Commands.InboundJson.Repair(text));
                    message = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    logger.LogWarning("Ignored a Socket Mode message that is not JSON");
                    continue;
                }
                var type = message.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "hello")
                {
                    helloSeen = true;
                    var count = message.TryGetProperty("num_connections", out var n) && n.TryGetInt32(out var c) ? c : 1;
                    logger.LogInformation("Connected to Slack Socket Mode ({Host}, {Count} connection(s) open for this app)", host, count);
                    continue;
                }
                if (type == "disconnect")
                {
                    var reason = message.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
                    logger.LogInformation("Slack asked to disconnect: {Reason}", reason);
                    await CloseAsync(connection, "disconnect: " + reason);
                    return (reason switch
                    {
                        "link_disabled" => ConnectionEnd.LinkDisabled,
                        "too_many_websockets" => ConnectionEnd.TooManyWebsockets,
                        _ => ConnectionEnd.Refresh,
                    }, helloSeen);
                }
                if (message.TryGetProperty("envelope_id", out var id) && id.GetString() is { Length: > 0 } envelopeId)
                    await OnEnvelopeAsync(connection, envelopeId, type, message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await CloseAsync(connection, "shutting down");
            return (ConnectionEnd.Stopping, helloSeen);
        }
        catch (OperationCanceledException) when (helloDeadline.IsCancellationRequested)
        {
            logger.LogWarning("Slack's socket ({Host}) said no hello within {Seconds:F0} s; replacing it", host, o.HelloTimeout.TotalSeconds);
            return (ConnectionEnd.NoHello, helloSeen);
        }
        catch (Exception e)
        {
            // A missed PONG surfaces as an OperationCanceledException ("Aborted") wrapping the WebSocketException, a dead
            // connection as a WebSocketException or IOException: all mean this socket is finished, none may end the door.
            var reason = e is OperationCanceledException { InnerException: { } inner } ? inner.InnerException?.Message ?? inner.Message : e.Message;
            logger.LogWarning("The Slack socket ({Host}) dropped or stopped answering pings: {Message}", host, reason);
            return (ConnectionEnd.Dropped, helloSeen);
        }
    }

    /// <summary>Acknowledges first, then queues: Slack retries anything not acknowledged within seconds, whatever the command costs.</summary>
    private async Task OnEnvelopeAsync(SocketModeConnection connection, string envelopeId, string? type, JsonElement message, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (type != "slash_commands" || !message.TryGetProperty("payload", out var payload))
        {
            await connection.SendAsync(ack.ToJsonString(), cancellationToken);
            logger.LogDebug("Acknowledged and ignored a Socket Mode {Type} envelope", type);
            return;
        }
        var command = SlashCommand.FromJson(payload);
        if (ledger.Seen(envelopeId))
        {
            await connection.SendAsync(ack.ToJsonString(), cancellationToken);
            logger.LogInformation("Slack delivered envelope {Envelope} again; acknowledged, already answered", envelopeId);
            return;
        }
        var refusal = answerer.Refusal(command);
        if (SlashCommandAnswerer.AckPayload(refusal) is { } body) ack["payload"] = body;
        await connection.SendAsync(ack.ToJsonString(SlackMessage.Json), cancellationToken);
        // Recorded only once the ack is out: if the socket died first, Slack sends it again and it must still run.
        if (!ledger.Record(envelopeId) || refusal is not null)
        {
            if (refusal is not null) logger.LogInformation("Refused Slack {Command} from workspace {Team}: not in Slack:TeamIds", command.Command, command.TeamId);
            return;
        }
        if (!queue.TryEnqueue(new SlashCommandJob(command, waitsInline: false)))
        {
            logger.LogWarning("The Slack command queue is full; told {User} to try again", command.UserId);
            _ = responder.DeliverLateAsync(command, SlashCommandAnswerer.Busy(renderer), cancellationToken);
        }
    }

    private async Task CloseAsync(SocketModeConnection connection, string reason)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        await connection.CloseAsync(reason, deadline.Token);
    }
}
