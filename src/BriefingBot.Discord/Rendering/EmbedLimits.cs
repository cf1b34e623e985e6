using BriefingBot.Replies;

namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's embed limits (characters, after trimming); a message over any of them is rejected whole.</summary>
public static class EmbedLimits
{
    public const int Title = 256, Description = 4096, Fields = 25, FieldName = 256, FieldValue = 1024, Footer = 2048;
    public const int Total = 6000, EmbedsPerMessage = 10;

    /// <summary>The characters Discord counts against <see cref="Total"/> across a message's embeds.</summary>
    public static int Count(IEnumerable<Embed> embeds) => embeds.Sum(e =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0) +
        (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0));

    /// <summary>
    /// The last line of defence before anything is sent: clips every part to its own limit and drops whole fields
    /// and embeds beyond the counts and the total, saying "… and N more" instead (and to ask a narrower question), so a
    /// message is never rejected.
    /// </summary>
    public static IReadOnlyList<Embed> Fit(IReadOnlyList<Embed> embeds)
    {
        var result = new List<Embed>();
        var total = 0;
        var dropped = 0;
        foreach (var embed in embeds)
        {
            if (result.Count == EmbedsPerMessage)
            {
                dropped += 1 + (embed.Fields?.Count ?? 0);
                continue;
            }
            var fitted = embed with
            {
                Title = Clip(embed.Title, Title),
                Description = Clip(embed.Description, Description - Closing),
                Footer = embed.Footer is null ? null : new EmbedFooter(Clip(embed.Footer.Text, Footer)!),
                Fields = null,
            };
            var room = Total - Closing - total;
            var size = Count([fitted]);
            if (size > room)
            {
                // Too big for what is left: shorten the description, then the footer, before giving the embed up.
                var over = size - room;
                var description = fitted.Description ?? "";
                var cut = Math.Min(over, description.Length);
                fitted = fitted with { Description = cut == 0 ? fitted.Description : Clip(description, description.Length - cut) };
                over = Count([fitted]) - room;
                if (over > 0 && fitted.Footer is { } footer && footer.Text.Length > over)
                    fitted = fitted with { Footer = new EmbedFooter(Clip(footer.Text, footer.Text.Length - over)!) };
                size = Count([fitted]);
                if (size > room || (string.IsNullOrEmpty(fitted.Description) && fitted.Title is null))
                {
                    dropped += 1 + (embed.Fields?.Count ?? 0);
                    continue;
                }
            }
            var fields = new List<EmbedField>();
            foreach (var field in embed.Fields ?? [])
            {
                var f = new EmbedField(Clip(field.Name, FieldName)!, Clip(field.Value, FieldValue)!, field.Inline);
                if (fields.Count == Fields || total + size + f.Name.Length + f.Value.Length > Total - Closing)
                {
                    dropped++;
                    continue;
                }
                fields.Add(f);
                size += f.Name.Length + f.Value.Length;
            }
            total += size;
            result.Add(fitted with { Fields = fields.Count > 0 ? fields : null });
        }
        if (dropped > 0 && result.Count > 0)
        {
            var last = result[^1];
            var more = Phrases.LeftOut(dropped, "Discord");
            result[^1] = last with { Description = string.IsNullOrEmpty(last.Description) ? more : last.Description + "\n" + more };
        }
        return result;
    }

    /// <summary>Room kept in each embed and in the total for the closing "… and N more …" line.</summary>
    public const int Closing = 112;

    private static string? Clip(string? text, int max) =>
        text is null ? null : max <= 0 ? "" : Phrases.Clip(text.Trim(), max);
}
