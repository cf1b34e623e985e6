using BriefingBot.Replies;

namespace BriefingBot.Discord.Briefing;

/// <summary>
/// Splits a long briefing into replies that each fit one Discord message (10 embeds, 6,000 characters), keeping
/// sections whole where they fit and never dropping a line: a briefing is split, not truncated.
/// </summary>
public static class BriefingPages
{
    /// <summary>A conservative budget per message: the renderer adds the citation under each fact and markup.</summary>
    public const int Budget = 4200;

    private const int CitationAllowance = 110;

    public static IReadOnlyList<Reply> Split(Reply briefing)
    {
        var pages = new List<List<ReplySection>> { new() };
        var used = 0;
        foreach (var section in briefing.Sections)
        {
            // A section too big for one message is cut into runs of lines, each keeping the heading.
            var lines = new List<ReplyLine>();
            var size = Size(section.Heading) + Size(section.More);
            foreach (var line in section.Lines)
            {
                var cost = Size(line);
                if (lines.Count > 0 && size + cost > Budget)
                {
                    Place(section with { Lines = lines, More = null }, size);
                    lines = [];
                    size = Size(section.Heading);
                }
                lines.Add(line);
                size += cost;
            }
            Place(section with { Lines = lines }, size);
        }
        var count = pages.Count(p => p.Count > 0);
        if (count == 0) return [briefing];
        return pages.Where(p => p.Count > 0).Select((sections, i) => briefing with
        {
            Title = count == 1 ? briefing.Title : $"{Phrases.Clip(briefing.Title, 230)} ({i + 1}/{count})",
            Sections = sections,
            Footer = i == count - 1 ? briefing.Footer : null,
            Attachments = i == 0 ? briefing.Attachments : [],
        }).ToList();

        void Place(ReplySection section, int size)
        {
            if (used + size > Budget && pages[^1].Count > 0)
            {
                pages.Add([]);
                used = 0;
            }
            pages[^1].Add(section);
            used += size;
        }
    }

    private static int Size(string? text) => text is null ? 0 : text.Length + 8;

    private static int Size(ReplyLine line) => Math.Min(line.Text.Length, 1500) + 12 + (line.Provenance is null ? 0 : CitationAllowance);
}
