using System.Buffers;
using System.Text.Json;

namespace BriefingBot.Discord.Gateway;

/// <summary>The payloads the client sends, written straight to UTF-8. Identify and Resume carry the token: never log them.</summary>
public static class GatewayPayloads
{
    /// <summary>No privileged intents: interactions are sent to every bot whatever its intents.</summary>
    public const int Intents = 0;

    public static byte[] Heartbeat(long? sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOp.Heartbeat);
        if (sequence is { } s) w.WriteNumber("d", s);
        else w.WriteNull("d");
    });

    public static byte[] Identify(string token) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOp.Identify);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteNumber("intents", Intents);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystem.IsLinux() ? "linux" : Environment.OSVersion.Platform.ToString().ToLowerInvariant());
        w.WriteString("browser", "briefingbot");
        w.WriteString("device", "briefingbot");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOp.Resume);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        w.WriteNumber("seq", sequence);
        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
