using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BriefingBot.Slack.Tests.FakeSlack;

/// <summary>One Socket Mode connection as the fake sees it: what the bot sent (acks), and ways to misbehave on purpose.</summary>
public sealed class FakeSocket
{
    private readonly WebSocket _socket;
    private readonly GatedStream _stream;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Action _onClosed;
    private readonly Action _abortConnection;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closedFlag;

    internal FakeSocket(int number, WebSocket socket, GatedStream stream, DateTimeOffset openedAt, Action onClosed, Action abortConnection)
    {
        _abortConnection = abortConnection;
        Number = number;
        _socket = socket;
        _stream = stream;
        OpenedAt = openedAt;
        _onClosed = onClosed;
    }

    public int Number { get; }

    /// <summary>The ticket in the URL the bot connected with.</summary>
    public string Ticket { get; init; } = "";
    public DateTimeOffset OpenedAt { get; }
    public bool IsClosed => Volatile.Read(ref _closedFlag) == 1;
    public Task Closed => _closed.Task;

    /// <summary>Every message the bot sent on this socket, in order (the acks).</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public IEnumerable<JsonObject> AcksFor(string envelopeId) => Received.Where(m => (string?)m["envelope_id"] == envelopeId);

    public Task SendAsync(JsonObject message) => SendRawAsync(message.ToJsonString());

    /// <summary>A frame written by hand, for JSON a JsonObject cannot write, such as a lone surrogate escaped as <c>\ud800</c>.</summary>
    public async Task SendRawAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync() => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = 1,
        ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
        ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["approximate_connection_time"] = 18060 },
    });

    /// <summary>A slash command envelope, with the fields Socket Mode sends.</summary>
    public Task SendCommandAsync(string envelopeId, JsonObject payload) => SendAsync(new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = payload,
    });

    public Task DisconnectAsync(string reason) => SendAsync(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "wss-111.slack.com" },
    });

    /// <summary>Cuts the TCP connection without a closing handshake.</summary>
    public void Drop()
    {
        var wasOpen = !IsClosed;
        MarkClosed();
        _socket.Abort();
        // Disposing the upgraded stream alone leaves Kestrel's TCP connection up until the request ends; cut it now.
        if (wasOpen)
            try { _abortConnection(); } catch (ObjectDisposedException) { }
    }

    /// <summary>Starts a clean closing handshake without saying why, as a server going away might.</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Stops answering anything, pings included, while keeping the connection open.</summary>
    public void GoSilent() => _stream.Silent = true;

    internal async Task RunAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    MarkClosed();
                    if (_socket.State == WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                if (JsonNode.Parse(text) is JsonObject json) Received.Enqueue(json);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            MarkClosed();
            _closed.TrySetResult();
        }
    }

    private void MarkClosed()
    {
        if (Interlocked.Exchange(ref _closedFlag, 1) == 0) _onClosed();
    }
}
