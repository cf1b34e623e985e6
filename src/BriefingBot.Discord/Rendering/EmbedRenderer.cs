using System.Globalization;
using System.Text;
using BriefingBot.Replies;

namespace BriefingBot.Discord.Rendering;

/// <summary>
/// Lays a neutral <see cref="Reply"/> out as Discord embeds: each fact line with its id and, under it in small
/// text, its source, date, confidence and staleness. Whatever the reply's size, the result fits Discord's limits:
/// lines that do not fit are counted in a closing "… and N more" line instead of the message being rejected.
/// </summary>
public sealed class EmbedRenderer(TimeProvider time)
{
    private const int AnswerColour = 0x3B82F6, ConfirmationColour = 0x22C55E, ErrorColour = 0xEF4444;

    /// <summary>Room kept in each embed and in the total for the "… and N more" line.</summary>
    private const int Reserve = 48;

    /// <summary>No single line may take more than this, so one huge fact cannot crowd out the rest.</summary>
    private const int MaxBlock = 1800;

    public MessagePayload Render(Reply reply)
    {
        var now = time.GetUtcNow();
        var colour = reply.Tone switch { ReplyTone.Error => ErrorColour, ReplyTone.Confirmation => ConfirmationColour, _ => AnswerColour };
        var blocks = new List<(string Text, bool Counted)>();
        // A long one-line answer (most errors) reads better as the description than as a clipped title.
        var title = reply.Title;
        if (title.Length > EmbedLimits.Title)
        {
            blocks.Add((title, false));
            title = "";
        }
        foreach (var section in reply.Sections)
        {
            if (!string.IsNullOrWhiteSpace(section.Heading)) blocks.Add(($"**{Phrases.Clip(section.Heading, 200)}**", false));
            foreach (var line in section.Lines) blocks.Add((Line(line, now), true));
            if (!string.IsNullOrWhiteSpace(section.More)) blocks.Add(($"*{section.More}*", false));
        }
        var footer = string.IsNullOrWhiteSpace(reply.Footer) ? null : Phrases.Clip(reply.Footer, EmbedLimits.Footer);

        var descriptions = new List<StringBuilder> { new() };
        var total = title.Length + (footer?.Length ?? 0);
        var shown = 0;
        var counted = blocks.Count(b => b.Counted);
        foreach (var (raw, isLine) in blocks)
        {
            var text = Phrases.Clip(raw, Math.Min(MaxBlock, EmbedLimits.Description - Reserve));
            var current = descriptions[^1];
            var need = text.Length + (current.Length > 0 ? 1 : 0);
            if (total + need > EmbedLimits.Total - Reserve) break;
            if (current.Length + need > EmbedLimits.Description - Reserve)
            {
                if (descriptions.Count == EmbedLimits.EmbedsPerMessage) break;
                descriptions.Add(current = new StringBuilder());
                need = text.Length;
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(text);
            total += need;
            if (isLine) shown++;
        }
        if (shown < counted)
        {
            var last = descriptions[^1];
            if (last.Length > 0) last.Append('\n');
            last.Append(CultureInfo.InvariantCulture, $"… and {counted - shown} more");
        }

        var embeds = descriptions.Select((d, i) => new Embed
        {
            Title = i == 0 && title.Length > 0 ? title : null,
            Description = d.Length > 0 ? d.ToString() : null,
            Color = colour,
            Footer = i == descriptions.Count - 1 && footer is not null ? new EmbedFooter(footer) : null,
        }).Where(e => e.Title is not null || e.Description is not null || e.Footer is not null).ToList();
        if (embeds.Count == 0) embeds.Add(new Embed { Description = "(nothing to show)", Color = colour });
        return new MessagePayload
        {
            // The layout above already fits; Fit is the guarantee should it ever not.
            Embeds = EmbedLimits.Fit(embeds),
            AllowedMentions = AllowedMentions.None,
            Flags = reply.Visibility == Visibility.OnlyAsker ? MessagePayload.Ephemeral : null,
        };
    }

    private static string Line(ReplyLine line, DateTimeOffset now)
    {
        if (line.Provenance is not { } p) return line.Text;
        var link = p.Source.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? $" · [link]({u.AbsoluteUri})"
            : "";
        var stale = p.Stale ? "⚠ " : "";
        return $"`{p.Code}` {Phrases.Clip(line.Text, 1500)}\n-# {stale}{Phrases.Provenance(p, now)}{link}";
    }
}
