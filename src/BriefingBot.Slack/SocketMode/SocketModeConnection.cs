using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace BriefingBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: whole text messages in, acknowledgements out. Pings are real WebSocket PINGs with a
/// PONG deadline (<see cref="ClientWebSocketOptions.KeepAliveTimeout"/>), so a half-open socket that would otherwise
/// sit silent for hours is aborted and the receive loop sees it fail.
/// </summary>
public sealed class SocketModeConnection : IDisposable
{
    /// <summary>Slack's messages are small; anything this large is not Slack and would only eat memory.</summary>
    public const int MaxMessageBytes = 1 << 20;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public SocketModeConnection(TimeSpan pingInterval, TimeSpan pingTimeout)
    {
        _socket.Options.KeepAliveInterval = pingInterval;
        _socket.Options.KeepAliveTimeout = pingTimeout;
    }

    public WebSocketState State => _socket.State;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => _socket.ConnectAsync(url, cancellationToken);

    /// <summary>The next whole text message, or null when the other side closed the socket. Binary messages are skipped.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                if (message.Length + result.Count > MaxMessageBytes)
                    throw new WebSocketException(WebSocketError.Faulted, $"A message over {MaxMessageBytes} bytes arrived.");
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (result.MessageType == WebSocketMessageType.Text) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Closes with the closing handshake so Slack counts the connection gone before we open the next one
    /// (too_many_websockets comes from leftovers); gives up and aborts when the handshake does not finish in time.
    /// </summary>
    public async Task CloseAsync(string reason, CancellationToken deadline)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, deadline);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
