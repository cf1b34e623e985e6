using System.Text;

namespace BriefingBot.Commands;

/// <summary>
/// Makes text that arrives from any door safe to store, fold and echo. It is applied where a door's text enters the
/// core (<see cref="Invocation"/>, <see cref="Caller"/>, <see cref="CommandRouter.RouteTextAsync"/> and
/// <see cref="Autocompleter.Suggest"/>), so no door has to remember it. Ill-formed code points (lone surrogates,
/// noncharacters such as U+FFFE) become U+FFFD, because <c>string.Normalize</c> throws on them; control characters,
/// terminal escape sequences and bidi overrides are dropped, because echoed back they would recolour a terminal or
/// reorder what a reader sees. Cleaning clean text returns the same string, so doing it twice costs nothing.
/// </summary>
public static class InboundText
{
    private const char Esc = '\u001B', Replacement = '\uFFFD';

    /// <summary>A name, id or command word: every line break and tab becomes a space.</summary>
    public static string SingleLine(string? text) => Clean(text, multiLine: false);

    /// <summary>An option value or a typed command: line breaks are kept (as <c>\n</c>), tabs become spaces.</summary>
    public static string MultiLine(string? text) => Clean(text, multiLine: true);

    /// <summary>Only the ill-formed code points replaced, for code that must never throw on text from elsewhere.</summary>
    public static string ReplaceInvalid(string text)
    {
        if (!HasInvalid(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++) i += AppendScalar(sb, text, i) - 1;
        return sb.ToString();
    }

    private static string Clean(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsClean(text, multiLine)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) || IsInvalid(c)) i += AppendScalar(sb, text, i) - 1;
            else if (c == Esc) i = SkipEscape(text, i);
            else if (c is '\u009B' or '\u0090' or '\u009D' or '\u0098' or '\u009E' or '\u009F') i = SkipSequence(text, i, i + 1, c);
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                sb.Append(multiLine ? '\n' : ' ');
            }
            else if (IsBreak(c)) sb.Append(multiLine ? '\n' : ' ');
            else if (c == '\t') sb.Append(' ');
            else if (!char.IsControl(c) && !IsHidden(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsClean(string text, bool multiLine)
    {
        foreach (var c in text)
            if ((char.IsControl(c) || IsBreak(c)) && !(multiLine && c == '\n') || IsHidden(c))
                return false;
        return !HasInvalid(text);
    }

    /// <summary>Skips ESC and the rest of its sequence; returns the index of its last character.</summary>
    private static int SkipEscape(string text, int esc)
    {
        if (esc + 1 >= text.Length) return esc;
        var next = text[esc + 1];
        if (next is '[' or ']' or 'P' or 'X' or '^' or '_') return SkipSequence(text, esc, esc + 2, next);
        // Other escapes: intermediates 0x20–0x2F, then one final character (ESC ( B, ESC 7, ESC c …).
        var i = esc + 1;
        while (i < text.Length && text[i] is >= ' ' and <= '/') i++;
        return i < text.Length && text[i] is >= '0' and <= '~' ? i : i - 1;
    }

    /// <summary>
    /// Skips a control sequence begun at <paramref name="start"/>: CSI (ESC [ or U+009B) runs to its final byte
    /// 0x40–0x7E; string sequences (OSC, DCS, SOS, PM, APC) run to BEL, ST or any other control character.
    /// </summary>
    private static int SkipSequence(string text, int start, int body, char kind)
    {
        var i = body;
        if (kind is '[' or '\u009B')
        {
            while (i < text.Length && text[i] is >= ' ' and <= '?') i++;
            return i < text.Length && text[i] is >= '@' and <= '~' ? i : i - 1;
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\u0007' or '\u009C') return i;
            if (c == Esc) return i + 1 < text.Length && text[i + 1] == '\\' ? i + 1 : i - 1;
            if (char.IsControl(c)) return i - 1;
            i++;
        }
        return Math.Max(start, i - 1);
    }

    /// <summary>Appends the code point at <paramref name="i"/>, or U+FFFD when it is ill-formed; returns the chars it took.</summary>
    private static int AppendScalar(StringBuilder sb, string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            // Noncharacters at the end of every plane (U+1FFFE … U+10FFFF) are as unfit as U+FFFE.
            if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1]))) sb.Append(Replacement);
            else sb.Append(c).Append(text[i + 1]);
            return 2;
        }
        sb.Append(char.IsSurrogate(c) || IsInvalid(c) ? Replacement : c);
        return 1;
    }

    private static bool HasInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvalid(c)) return true;
            if (!char.IsSurrogate(c)) continue;
            if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
            if (IsNoncharacter(char.ConvertToUtf32(c, text[++i]))) return true;
        }
        return false;
    }

    private static bool IsNoncharacter(int codePoint) => (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF;

    /// <summary>Noncharacters in the basic plane: U+FDD0–U+FDEF, U+FFFE and U+FFFF.</summary>
    private static bool IsInvalid(char c) => IsNoncharacter(c);

    private static bool IsBreak(char c) => c is '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Bidi embeddings, overrides and isolates (they reorder the text around them) and the stray BOM.</summary>
    private static bool IsHidden(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';
}
