using System.Text;
using System.Text.Unicode;

namespace BriefingBot.Commands;

/// <summary>
/// Makes a platform's JSON readable before a door parses it. JSON may escape a lone surrogate (<c>"\ud800"</c>), and
/// System.Text.Json refuses to read such a string, as it refuses invalid UTF-8; chat platforms relay what people
/// type, so one such character would leave a command unanswered. Both become U+FFFD here; <see cref="InboundText"/>
/// does the rest once the values reach the core.
/// </summary>
public static class InboundJson
{
    private static readonly byte[] ReplacementEscape = "FFFD"u8.ToArray();

    /// <summary>The JSON itself when it is already well formed (the usual case, with no copy), else a repaired copy.</summary>
    public static ReadOnlySpan<byte> Repair(ReadOnlySpan<byte> json)
    {
        var valid = Utf8.IsValid(json);
        if (valid && json.IndexOf("\\u"u8) < 0) return json;
        // Invalid UTF-8 decodes to U+FFFD; re-encoding gives valid UTF-8 with the same JSON structure.
        return RepairEscapes(valid ? json.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json)));
    }

    /// <summary>The same for JSON that arrived as text (a WebSocket text frame); encoding a string gives valid UTF-8.</summary>
    public static byte[] Repair(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return bytes.AsSpan().IndexOf("\\u"u8) < 0 ? bytes : RepairEscapes(bytes);
    }

    /// <summary>Turns every lone-surrogate escape into <c>\uFFFD</c>, in place.</summary>
    private static byte[] RepairEscapes(byte[] bytes)
    {
        for (var i = 0; i + 5 < bytes.Length; i++)
        {
            if (bytes[i] != '\\') continue;
            // Any other escape (\\, \", \n …) is two bytes; skipping both keeps an escaped backslash from starting one.
            if (bytes[i + 1] != 'u' || !TryHex(bytes, i + 2, out var unit)) { i++; continue; }
            if (char.IsHighSurrogate(unit) && i + 11 < bytes.Length && bytes[i + 6] == '\\' && bytes[i + 7] == 'u'
                && TryHex(bytes, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                i += 11;
                continue;
            }
            // Same length, so nothing else in the document moves.
            if (char.IsSurrogate(unit)) ReplacementEscape.CopyTo(bytes.AsSpan(i + 2));
            i += 5;
        }
        return bytes;
    }

    private static bool TryHex(byte[] bytes, int start, out char unit)
    {
        unit = '\0';
        var value = 0;
        for (var i = start; i < start + 4; i++)
        {
            var digit = HexValue(bytes[i]);
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
