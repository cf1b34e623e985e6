using System.Text.Json;

namespace BriefingBot.Discord.Gateway;

/// <summary>What a resume needs: the session id, the URL READY named for resuming, and the last sequence seen.</summary>
public sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }
    public string? ResumeUrl { get; private set; }
    public long? Sequence => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null && Sequence is not null;

    public void Saw(long sequence)
    {
        // Replays after a resume can arrive in order only, but keep the highest to be safe.
        long current;
        while (sequence > (current = Interlocked.Read(ref _sequence)) && Interlocked.CompareExchange(ref _sequence, sequence, current) != current) { }
    }

    /// <summary>Reads READY's <c>d</c>: the session to resume and, for the door, the application id.</summary>
    public Snowflake Ready(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        reader.Read();
        Snowflake app = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("session_id"u8)) { reader.Read(); SessionId = reader.GetString(); }
            else if (reader.ValueTextEquals("resume_gateway_url"u8)) { reader.Read(); ResumeUrl = reader.GetString(); }
            else if (reader.ValueTextEquals("application"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8)) { reader.Read(); app = Snowflake.TryParse(reader.GetString(), out var id) ? id : default; }
                    else { reader.Read(); reader.Skip(); }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return app;
    }

    /// <summary>Forgets the session, so the next connection identifies afresh.</summary>
    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
