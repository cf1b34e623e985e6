using System.Text;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Terminal;

/// <summary>Lays out a reply as plain terminal text: the title, each section, every fact with its id and citation.</summary>
/// <param name="desk">Whose days each citation's "3 days ago" counts (UTC when none is registered).</param>
public sealed class TextRenderer(TimeProvider time, DeskZone? desk = null)
{
    public string Render(Reply reply)
    {
        if (reply.Tone == ReplyTone.Error) return reply.Title + "\n";
        var now = time.GetUtcNow();
        var sb = new StringBuilder();
        sb.Append(reply.Title).Append('\n');
        foreach (var section in reply.Sections)
        {
            sb.Append('\n');
            if (section.Heading is { } heading) sb.Append(heading).Append('\n');
            foreach (var line in section.Lines)
            {
                var id = line.Provenance is { } p ? p.Code.ToString() : "";
                sb.Append("  ").Append(id.PadRight(line.Provenance is null ? 0 : 5)).Append(line.Text).Append('\n');
                if (line.Provenance is { } provenance)
                    sb.Append("       ").Append(Phrases.Provenance(provenance, now, desk)).Append('\n');
            }
            if (section.More is { } more) sb.Append("  ").Append(more).Append('\n');
        }
        foreach (var attachment in reply.Attachments)
            sb.Append("\n[attachment ").Append(attachment.FileName).Append(", ").Append(attachment.Content.Length).Append(" bytes]\n");
        if (reply.Footer is { } footer) sb.Append('\n').Append(footer).Append('\n');
        return sb.ToString();
    }
}
