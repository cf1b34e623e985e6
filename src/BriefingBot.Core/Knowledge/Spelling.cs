using System.Globalization;
using System.Text;

namespace BriefingBot.Knowledge;

/// <summary>Folding names for lookup (case, accents, spacing) and measuring how far apart two spellings are.</summary>
internal static class Spelling
{
    public static string Fold(string text)
    {
        // Normalize throws on lone surrogates and U+FFFE. Text from chat is cleaned at the edge, but names also come
        // from the store, seed files and imports, and a lookup must never fail on them.
        var normalised = Commands.InboundText.ReplaceInvalid(text.Trim()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalised.Length);
        var space = false;
        foreach (var c in normalised)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c is '-' or '.' or '\'' or '’')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Levenshtein distance, enough for "did you mean" over a few hundred names.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
