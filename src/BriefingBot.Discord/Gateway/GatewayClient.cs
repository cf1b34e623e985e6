using System.Net.WebSockets;
using System.Text.Json;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rest;
using BriefingBot.Doors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Gateway;

/// <summary>
/// The gateway connection as one loop: connect, Hello, Identify or Resume, heartbeat, read until the connection
/// ends, then decide from how it ended whether to resume, start a new session or stop for good. Transient failures
/// back off and never give up; fatal close codes stop the bot. The receive loop only parses and queues interactions.
/// </summary>
public sealed class GatewayClient(
    IOptions<DiscordOptions> options,
    GatewaySession session,
    GatewayTimings timings,
    InteractionQueue queue,
    DiscordApplication application,
    DiscordRestClient rest,
    DoorShutdown shutdown,
    TimeProvider time,
    ILogger<GatewayClient> logger) : BackgroundService
{
    private sealed record Ending(GatewayNext Next, bool Healthy, bool Immediate = false, string? Reason = null);

    /// <summary>State one connection's receive loop and heartbeat share.</summary>
    private sealed class Beat
    {
        public volatile bool Acked = true;
        public volatile bool Zombie;
        public volatile bool Hello;
        public bool Healthy;
    }

    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;
    private string? _gatewayUrl;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Stopped);
        var ct = linked.Token;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            Ending ending;
            try
            {
                ending = await RunConnectionAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or DiscordRestException or OperationCanceledException
                                          or JsonException or IOException)
            {
                logger.LogWarning("The gateway connection failed: {Error}", e.Message);
                ending = new Ending(GatewayNext.Resume, Healthy: false);
            }
            if (ending.Next == GatewayNext.Stop)
            {
                shutdown.Stop(ending.Reason ?? "The gateway cannot continue; the Discord door has stopped.");
                break;
            }
            if (ending.Next == GatewayNext.NewSession) session.Clear();
            failures = ending.Healthy ? 0 : failures + 1;
            var delay = ending.Immediate ? TimeSpan.Zero : Backoff(failures);
            if (delay <= TimeSpan.Zero) continue;
            logger.LogInformation("Reconnecting to the Discord gateway in {Seconds:F1} s", delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var jitter = 0.5 + Random.Shared.NextDouble() / 2;
        if (failures == 0) return timings.ReconnectMin * jitter;
        var doubled = timings.ReconnectMin.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, timings.ReconnectMax.TotalMilliseconds) * jitter);
    }

    private async Task<Ending> RunConnectionAsync(CancellationToken ct)
    {
        var resuming = session.CanResume;
        var url = resuming ? session.ResumeUrl! : await GatewayUrlAsync(ct);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", DiscordIdentity.UserAgent);
        using (var timeout = new CancellationTokenSource(timings.ConnectTimeout, time))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
            await socket.ConnectAsync(WithQuery(url), connecting.Token);

        using var connection = new GatewayConnection(socket);
        using var live = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var beat = new Beat();
        Task? heartbeat = null;
        // Heartbeats only start with Hello, so until then this is what notices a server that accepted and went quiet.
        using var helloTimeout = new CancellationTokenSource(timings.HelloTimeout, time);
        using var noHello = helloTimeout.Token.Register(() =>
        {
            if (beat.Hello) return;
            logger.LogWarning("The gateway sent no Hello within {Seconds:F0} s; reconnecting", timings.HelloTimeout.TotalSeconds);
            connection.Abort();
        });
        try
        {
            while (true)
            {
                var length = await connection.ReceiveAsync(live.Token);
                if (length < 0) return await ClosedAsync(connection, beat);
                var ending = await HandleAsync(connection, length, resuming, beat, h => heartbeat = h, live.Token);
                if (ending is not null) return ending;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!beat.Zombie) logger.LogWarning("The gateway connection dropped without a close frame; resuming");
            return new Ending(GatewayNext.Resume, beat.Healthy);
        }
        finally
        {
            await live.CancelAsync();
            if (heartbeat is not null) await heartbeat;
            // Stopping the bot: 1000 ends the session cleanly, so Discord shows the bot offline at once.
            if (ct.IsCancellationRequested) await connection.CloseAsync(1000, time);
        }
    }

    private async Task<Ending?> HandleAsync(GatewayConnection connection, int length, bool resuming, Beat beat,
        Action<Task> startedHeartbeat, CancellationToken ct)
    {
        var frame = GatewayFrame.Read(connection.Message(length));
        switch (frame.Op)
        {
            case GatewayOp.Hello:
                var interval = HeartbeatInterval(frame.Data(connection.Message(length)));
                beat.Hello = true;
                beat.Acked = true;
                startedHeartbeat(HeartbeatAsync(connection, interval, beat, ct));
                if (resuming)
                {
                    logger.LogInformation("Resuming the gateway session at sequence {Sequence}", session.Sequence);
                    await connection.SendAsync(GatewayPayloads.Resume(options.Value.Token, session.SessionId!, session.Sequence ?? 0), ct);
                }
                else
                {
                    await IdentifyGateAsync(ct);
                    logger.LogInformation("Identifying to the Discord gateway");
                    await connection.SendAsync(GatewayPayloads.Identify(options.Value.Token), ct);
                }
                return null;
            case GatewayOp.HeartbeatAck:
                beat.Acked = true;
                return null;
            case GatewayOp.Heartbeat:
                await connection.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), ct);
                return null;
            case GatewayOp.Reconnect:
                logger.LogInformation("Discord asked the bot to reconnect (op 7); resuming");
                await connection.CloseAsync(GatewayCloseCodes.Reconnecting, time);
                return new Ending(GatewayNext.Resume, beat.Healthy, Immediate: true);
            case GatewayOp.InvalidSession:
                var resumable = frame.Data(connection.Message(length)).SequenceEqual("true"u8);
                logger.LogInformation("Discord invalidated the gateway session (op 9, resumable: {Resumable})", resumable);
                await connection.CloseAsync(GatewayCloseCodes.Reconnecting, time);
                if (resumable) return new Ending(GatewayNext.Resume, beat.Healthy, Immediate: true);
                session.Clear();
                await Task.Delay(timings.InvalidSessionDelay * (0.2 + 0.8 * Random.Shared.NextDouble()), time, ct);
                return new Ending(GatewayNext.NewSession, beat.Healthy, Immediate: true);
            case GatewayOp.Dispatch:
                if (frame.Sequence is { } seq) session.Saw(seq);
                Dispatch(frame, connection.Message(length), beat);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Handles one dispatch event; runs on the receive loop, so it never waits on anything.</summary>
    private void Dispatch(GatewayFrame frame, ReadOnlySpan<byte> message, Beat beat)
    {
        switch (frame.Event)
        {
            case GatewayEvent.InteractionCreate:
                Interaction interaction;
                try
                {
                    interaction = InteractionReader.Read(frame.Data(message));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
                {
                    logger.LogWarning("Skipped an INTERACTION_CREATE that could not be read: {Error}", e.Message);
                    return;
                }
                if (!queue.TryEnqueue(interaction))
                    logger.LogWarning("The interaction queue is full; interaction {Id} was dropped", interaction.Id);
                return;
            case GatewayEvent.Ready:
                var app = session.Ready(frame.Data(message));
                application.Learned(app);
                beat.Healthy = true;
                logger.LogInformation("Connected to the Discord gateway (application {Application})", app);
                return;
            case GatewayEvent.Resumed:
                beat.Healthy = true;
                logger.LogInformation("Resumed the Discord gateway session");
                return;
        }
    }

    private async Task<Ending> ClosedAsync(GatewayConnection connection, Beat beat)
    {
        var code = (int?)connection.CloseStatus;
        // Complete the close handshake with a code that never ends a session we may still resume.
        await connection.CloseAsync(GatewayCloseCodes.Reconnecting, time);
        var next = GatewayCloseCodes.Next(code);
        if (next == GatewayNext.Stop) return new Ending(next, beat.Healthy, Reason: GatewayCloseCodes.Explain(code!.Value));
        logger.LogWarning("Discord closed the gateway with {Code}; {Action}", code, next == GatewayNext.Resume ? "resuming" : "starting a new session");
        return new Ending(next, beat.Healthy);
    }

    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, Beat beat, CancellationToken ct)
    {
        try
        {
            // The first beat waits a random part of the interval so a fleet of reconnecting bots does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, ct);
            while (!ct.IsCancellationRequested)
            {
                if (!beat.Acked)
                {
                    beat.Zombie = true;
                    logger.LogWarning("No heartbeat ACK since the last beat; closing the zombie connection to resume");
                    await connection.CloseAsync(GatewayCloseCodes.Reconnecting, time);
                    connection.Abort();
                    return;
                }
                beat.Acked = false;
                await connection.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), ct);
                await Task.Delay(interval, time, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop decides what happens next.
        }
    }

    private async Task IdentifyGateAsync(CancellationToken ct)
    {
        var wait = _lastIdentify + timings.IdentifyInterval - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
        _lastIdentify = time.GetUtcNow();
    }

    private async Task<string> GatewayUrlAsync(CancellationToken ct)
    {
        if (options.Value.GatewayUrl.Length > 0) return options.Value.GatewayUrl;
        if (_gatewayUrl is not null) return _gatewayUrl;
        var body = await rest.SendAsync(HttpMethod.Get, "gateway/bot", (byte[]?)null, ct);
        using var doc = JsonDocument.Parse(body);
        return _gatewayUrl = doc.RootElement.GetProperty("url").GetString() ?? throw new JsonException("GET /gateway/bot returned no url.");
    }

    private static TimeSpan HeartbeatInterval(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("heartbeat_interval"u8))
            {
                reader.Read();
                return TimeSpan.FromMilliseconds(reader.GetDouble());
            }
            reader.Read();
            reader.Skip();
        }
        throw new JsonException("Hello had no heartbeat_interval.");
    }

    internal static Uri WithQuery(string url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
