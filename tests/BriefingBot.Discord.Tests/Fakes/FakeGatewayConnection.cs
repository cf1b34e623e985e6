using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>
/// One bot connection to the fake gateway, driven by the test: it speaks the documented payloads and can misbehave
/// (drop the socket, close with any code, stop ACKing heartbeats). Heartbeats are ACKed on its own unless told not to.
/// </summary>
public sealed class FakeGatewayConnection
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly FakeDiscord _discord;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closedByBot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _heartbeats;

    internal FakeGatewayConnection(WebSocket socket, HttpContext context, FakeDiscord discord)
    {
        _socket = socket;
        _context = context;
        _discord = discord;
        Path = context.Request.Path;
        Query = context.Request.QueryString.Value ?? "";
        UserAgent = context.Request.Headers.UserAgent.ToString();
        _ = ReceiveLoopAsync();
    }

    public string Path { get; }
    public string Query { get; }
    public string UserAgent { get; }
    public bool AckHeartbeats { get; set; } = true;
    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>The session this connection identified or resumed, so sequence numbers carry over a resume.</summary>
    public FakeDiscord.Session? Session { get; private set; }

    /// <summary>Completes when the bot closes or drops the connection, with the close code it sent, if any.</summary>
    public Task<WebSocketCloseStatus?> ClosedByBot => _closedByBot.Task;

    internal Task Done => _done.Task;

    public Task HelloAsync(int heartbeatIntervalMs = 41250) => SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    /// <summary>The next payload the bot sends other than a heartbeat; fails if it is not <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            var payload = await _received.Reader.ReadAsync(cts.Token);
            Assert.True(payload.GetProperty("op").GetInt32() == op, $"Expected op {op} from the bot, got {payload}");
            return payload;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot sent no op {op} within {(timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds} s.");
        }
    }

    public async Task<JsonElement> IdentifiedAsync(string sessionId)
    {
        var identify = await ExpectAsync(2);
        Session = _discord.NewSession(sessionId);
        await DispatchAsync("READY", $$$"""{"v":10,"user":{"id":"{{{FakeDiscord.BotUserId}}}","username":"BriefingBot","bot":true},"guilds":[],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{_discord.ResumeUrl}}}","application":{"id":"{{{FakeDiscord.ApplicationId}}}","flags":0}}""");
        return identify;
    }

    /// <summary>Expects a Resume, replays every dispatch after the bot's sequence (as Discord does), then RESUMED.</summary>
    public async Task<JsonElement> ResumedAsync()
    {
        var resume = await ExpectAsync(6);
        Session = _discord.FindSession(resume.GetProperty("d").GetProperty("session_id").GetString()!)
                  ?? throw new InvalidOperationException("The bot resumed a session the fake does not know.");
        foreach (var frame in Session.After(resume.GetProperty("d").GetProperty("seq").GetInt64())) await SendAsync(frame);
        await DispatchAsync("RESUMED", "{}");
        return resume;
    }

    public Task DispatchAsync(string eventName, string data)
    {
        string Frame(int seq) => $$"""{"op":0,"d":{{data}},"s":{{seq}},"t":"{{eventName}}"}""";
        return SendAsync(Session is null ? Frame(1) : Session.Dispatch(Frame));
    }

    public Task InteractionAsync(string interactionJson) => DispatchAsync("INTERACTION_CREATE", interactionJson);

    public Task ReconnectAsync() => SendAsync("""{"op":7,"d":null}""");

    public Task InvalidSessionAsync(bool resumable) => SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""");

    public async Task CloseAsync(int code)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", cts.Token);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The bot's end was gone before the close frame went out (seen once in CI under load): the connection is over
            // either way, which is what the test asks of the fake; what the bot does next is what it checks.
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    /// <summary>Drops the TCP connection with no close frame, as a crashed server or a dead network would.</summary>
    public void Drop()
    {
        if (_done.Task.IsCompleted) return;
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended.
        }
        _done.TrySetResult();
    }

    public async Task SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closedByBot.TrySetResult(_socket.CloseStatus);
                    break;
                }
                var payload = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
                _discord.Saw(payload);
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    Interlocked.Increment(ref _heartbeats);
                    if (AckHeartbeats) await SendAsync("""{"op":11}""");
                    continue;
                }
                await _received.Writer.WriteAsync(payload);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _closedByBot.TrySetResult(null);
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
