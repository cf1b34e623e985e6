using System.Text;

namespace BriefingBot.Slack.Rendering;

/// <summary>
/// Makes user- and store-supplied text inert in Slack's mrkdwn. Slack reads <c>&lt;…&gt;</c> as mentions and links
/// (<c>&lt;!channel&gt;</c>, <c>&lt;@U1&gt;</c>, <c>&lt;url|label&gt;</c>) and decodes only <c>&amp;amp; &amp;lt; &amp;gt;</c>,
/// so escaping exactly those three characters everywhere is what keeps stored text from pinging a channel.
/// </summary>
public static class Mrkdwn
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text) Append(sb, c);
        return sb.ToString();
    }

    /// <summary>Escapes and cuts so the escaped result is at most <paramref name="max"/> characters, never inside an entity.</summary>
    public static string EscapeClipped(string? text, int max)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max) return escaped;
        var sb = new StringBuilder(max);
        foreach (var c in text!)
        {
            var width = c switch { '&' => 5, '<' or '>' => 4, _ => 1 };
            if (sb.Length + width > max - 1) break;
            Append(sb, c);
        }
        // Never end on half an emoji: a lone surrogate is invalid text to Slack.
        if (sb.Length > 0 && char.IsHighSurrogate(sb[^1])) sb.Length--;
        return sb.Append('…').ToString();
    }

    /// <summary>Text Slack sends us has these three characters entity-encoded; the store keeps what the person typed.</summary>
    public static string Unescape(string text) =>
        text.Contains('&') ? text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&") : text;

    /// <summary>A link to a source, only for http(s) URLs, so a stored "URL" can never become a special mention.</summary>
    public static string Link(string? url, string label)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Escape(label);
        var target = Escape(uri.AbsoluteUri.Replace("|", "%7C"));
        return $"<{target}|{Escape(label).Replace("|", "¦")}>";
    }

    private static void Append(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '&': sb.Append("&amp;"); break;
            case '<': sb.Append("&lt;"); break;
            case '>': sb.Append("&gt;"); break;
            default: sb.Append(c); break;
        }
    }
}
