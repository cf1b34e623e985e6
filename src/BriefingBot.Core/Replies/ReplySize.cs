namespace BriefingBot.Replies;

/// <summary>About how many bytes of memory a reply holds, so a cache of replies can be bounded in bytes.</summary>
/// <remarks>
/// Counted from what a reply is made of (objects, strings, lists, attachments) rather than measured, because
/// measuring would need a heap walk; the answer-cache benchmark compares it with the heap's own growth.
/// </remarks>
public static class ReplySize
{
    // A small object's header and method table, plus a few fields.
    private const int Object = 40;

    public static long Of(Reply reply)
    {
        var size = Object + Text(reply.Title) + Text(reply.Footer) + List(reply.Sections.Count);
        foreach (var section in reply.Sections)
        {
            size += Object + Text(section.Heading) + Text(section.More) + List(section.Lines.Count);
            foreach (var line in section.Lines)
            {
                size += Object + Text(line.Text);
                if (line.Provenance is not { } p) continue;
                size += 2 * Object + Text(p.Source.Outlet) + Text(p.Source.Url);
                if (p.Sources is { } sources)
                    foreach (var cited in sources) size += 3 * Object + Text(cited.Source.Outlet) + Text(cited.Source.Url);
            }
        }
        foreach (var attachment in reply.Attachments)
            size += Object + 24 + attachment.Content.Length + Text(attachment.FileName) + Text(attachment.ContentType) + Text(attachment.Description);
        return size;
    }

    /// <summary>A string's bytes: its header and length, then two bytes a character.</summary>
    public static long Text(string? text) => text is null ? 0 : 22 + 2L * text.Length;

    private static long List(int count) => 2 * Object + 8L * count;
}
