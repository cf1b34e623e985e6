using System.Text.Json;

namespace BriefingBot.Discord.Gateway;

/// <summary>The gateway opcodes the client sends or handles.</summary>
public enum GatewayOp { Dispatch = 0, Heartbeat = 1, Identify = 2, Resume = 6, Reconnect = 7, InvalidSession = 9, Hello = 10, HeartbeatAck = 11 }

/// <summary>The dispatch events the client acts on; every other event name is <see cref="Other"/>.</summary>
public enum GatewayEvent { None, Other, Ready, Resumed, InteractionCreate }

/// <summary>
/// The envelope of one gateway payload, <c>{"op","d","s","t"}</c>: the opcode, sequence and event, and where
/// <c>d</c> sits in the frame, so the event body is read once, in place, by whoever needs it.
/// </summary>
public readonly record struct GatewayFrame(GatewayOp Op, long? Sequence, GatewayEvent Event, int DataStart, int DataLength)
{
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> frame) => frame.Slice(DataStart, DataLength);

    public static GatewayFrame Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A gateway payload must be a JSON object.");
        int op = -1, start = 0, length = 0;
        long? seq = null;
        var evt = GatewayEvent.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8)) { reader.Read(); op = reader.GetInt32(); }
            else if (reader.ValueTextEquals("s"u8)) { reader.Read(); seq = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null; }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                evt = reader.TokenType != JsonTokenType.String ? GatewayEvent.None
                    : reader.ValueTextEquals("INTERACTION_CREATE"u8) ? GatewayEvent.InteractionCreate
                    : reader.ValueTextEquals("READY"u8) ? GatewayEvent.Ready
                    : reader.ValueTextEquals("RESUMED"u8) ? GatewayEvent.Resumed
                    : GatewayEvent.Other;
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                start = (int)reader.TokenStartIndex;
                reader.Skip();
                length = (int)reader.BytesConsumed - start;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (op < 0) throw new JsonException("A gateway payload must have an op.");
        return new GatewayFrame((GatewayOp)op, seq, evt, start, length);
    }
}
