using System.Globalization;
using System.Text;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Discord.Rendering;

/// <summary>
/// Lays a neutral <see cref="Reply"/> out as Discord embeds: each fact line with its id and, under it in small
/// text, its source, date, confidence and staleness. Whatever the reply's size, the result fits Discord's limits:
/// lines that do not fit are counted in a closing "… and N more" line, which says how to see them (a narrower question,
/// and the cut section's own hint: its page: or the command that lists it all), instead of the message being rejected.
/// </summary>
/// <param name="desk">Whose days each citation's "3 days ago" counts (UTC when none is registered).</param>
public sealed class EmbedRenderer(TimeProvider time, DeskZone? desk = null)
{
    private const int AnswerColour = 0x3B82F6, ConfirmationColour = 0x22C55E, ErrorColour = 0xEF4444;

    /// <summary>
    /// Room kept in each embed and in the total for the "… and N more" line (beside the cut section's hint), and past it the
    /// room <see cref="EmbedLimits.Fit"/> keeps for its own, so Fit never shortens what this lays out.
    /// </summary>
    private const int Reserve = 200 + EmbedLimits.Closing;

    /// <summary>The longest section hint repeated after the "… and N more" line.</summary>
    private const int MaxHint = 300;

    /// <summary>No single line may take more than this, so one huge fact cannot crowd out the rest.</summary>
    private const int MaxBlock = 1800;

    public MessagePayload Render(Reply reply)
    {
        var now = time.GetUtcNow();
        var colour = reply.Tone switch { ReplyTone.Error => ErrorColour, ReplyTone.Confirmation => ConfirmationColour, _ => AnswerColour };
        var blocks = new List<(string Text, bool Counted, int Section, FactCode? Code)>();
        // A long one-line answer (most errors) reads better as the description than as a clipped title.
        var title = reply.Title;
        if (title.Length > EmbedLimits.Title)
        {
            blocks.Add((title, false, -1, null));
            title = "";
        }
        for (var s = 0; s < reply.Sections.Count; s++)
        {
            var section = reply.Sections[s];
            if (!string.IsNullOrWhiteSpace(section.Heading)) blocks.Add(($"**{Phrases.Clip(section.Heading, 200)}**", false, s, null));
            foreach (var line in section.Lines) blocks.Add((Line(line, now, desk), true, s, line.Provenance?.Code));
            if (!string.IsNullOrWhiteSpace(section.More)) blocks.Add(($"*{section.More}*", false, s, null));
        }
        // Room for the closing line and, when a section is cut, its hint, which the cut would otherwise take away.
        var reserve = Reserve + Math.Min(MaxHint, reply.Sections.Select(s => s.More?.Length ?? 0).DefaultIfEmpty().Max());
        var footer = string.IsNullOrWhiteSpace(reply.Footer) ? null : Phrases.Clip(reply.Footer, EmbedLimits.Footer);

        var descriptions = new List<StringBuilder> { new() };
        var total = title.Length + (footer?.Length ?? 0);
        var shown = 0;
        var counted = blocks.Count(b => b.Counted);
        var cut = blocks.Count;
        for (var b = 0; b < blocks.Count; b++)
        {
            var (raw, isLine, _, _) = blocks[b];
            var text = Phrases.Clip(raw, Math.Min(MaxBlock, EmbedLimits.Description - reserve));
            var current = descriptions[^1];
            var need = text.Length + (current.Length > 0 ? 1 : 0);
            if (total + need > EmbedLimits.Total - reserve)
            {
                cut = b;
                break;
            }
            if (current.Length + need > EmbedLimits.Description - reserve)
            {
                if (descriptions.Count == EmbedLimits.EmbedsPerMessage)
                {
                    cut = b;
                    break;
                }
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
            var left = blocks.Skip(cut).Where(b => b.Counted).ToList();
            last.Append(Phrases.LeftOut(left.Count, "Discord", left.Where(b => b.Code is not null).Select(b => b.Code!.Value).ToList()));
            // The section of the first line left out keeps its hint (its page:, or the command that lists it all), which
            // the cut took away.
            var section = reply.Sections[left[0].Section];
            if (section.More is { Length: > 0 } cutHint) last.Append(CultureInfo.InvariantCulture, $"\n*{Phrases.Clip(cutHint, MaxHint)}*");
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

    private static string Line(ReplyLine line, DateTimeOffset now, DeskZone? desk)
    {
        if (line.Provenance is not { } p) return line.Text;
        var link = p.Source.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? $" · [link]({u.AbsoluteUri})"
            : "";
        var stale = p.Stale ? "⚠ " : "";
        return $"`{p.Code}` {Phrases.Clip(line.Text, 1500)}\n-# {stale}{Phrases.Provenance(p, now, desk)}{link}";
    }
}
