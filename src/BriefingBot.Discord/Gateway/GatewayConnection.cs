using System.Net.WebSockets;

namespace BriefingBot.Discord.Gateway;

/// <summary>One WebSocket to the gateway: whole messages in (Discord may split one across frames), serialised sends out.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    /// <summary>Reads one whole message; returns its length, or -1 when the server closed the connection.</summary>
    public async ValueTask<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return -1;
            length += result.Count;
            if (result.EndOfMessage) return length;
        }
    }

    public ReadOnlySpan<byte> Message(int length) => _buffer.AsSpan(0, length);

    public async Task SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with <paramref name="code"/>, giving up after a second: a zombie peer may never answer.</summary>
    public async Task CloseAsync(int code, TimeProvider time)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), time);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "reconnecting", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Abort() => socket.Abort();

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
