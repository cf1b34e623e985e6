using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>
/// Lays out a neutral <see cref="Reply"/> as Block Kit: the title, each section's fact lines with their id and
/// provenance, the footer. Lines are packed into as few section blocks as fit, because a fact per block would hit
/// Slack's 50-block limit at two dozen facts. Everything from users or the store goes through <see cref="Mrkdwn"/>.
/// </summary>
/// <param name="desk">Whose days each citation's "3 days ago" counts (UTC when none is registered).</param>
public sealed class BlockKitRenderer(TimeProvider time, DeskZone? desk = null)
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    /// <summary>Footers, notes and the attachment list are short; capping them keeps room for them in every page's budget.</summary>
    public const int MaxContextText = 500;

    /// <summary>Slack refuses messages whose blocks add up to about 13,200 characters (msg_blocks_too_long), below the documented limits.</summary>
    public const int MaxMessageText = 12_000;

    /// <summary>The fallback text Slack shows in notifications; kept short.</summary>
    public const int MaxFallbackText = 300;

    /// <summary>One message; what does not fit is left out and counted in a closing line.</summary>
    public SlackMessage Render(Reply reply) => Layout(reply, split: false)[0];

    /// <summary>As many messages as the reply needs, so nothing is left out (the daily briefing).</summary>
    public IReadOnlyList<SlackMessage> RenderPages(Reply reply) => Layout(reply, split: true);

    private List<SlackMessage> Layout(Reply reply, bool split)
    {
        var ephemeral = reply.Visibility == Visibility.OnlyAsker || reply.Tone == ReplyTone.Error;
        var fallback = Mrkdwn.EscapeClipped(reply.Title, MaxFallbackText);
        if (reply.Tone == ReplyTone.Error)
            return [new SlackMessage(fallback, [Section(Mrkdwn.EscapeClipped(reply.Title, MaxSectionText))], ephemeral)];

        var entries = Entries(reply);
        var pages = new List<SlackMessage>();
        var page = new Page(Mrkdwn.EscapeClipped(reply.Title, MaxSectionText - 2));
        for (var i = 0; i < entries.Count; i++)
        {
            if (page.TryAdd(entries[i])) continue;
            if (!split)
            {
                var left = entries.Skip(i).Count(e => e.IsFactLine);
                // The section of the first line left out keeps its hint (its page:, or the command that lists it all),
                // which the cut took away.
                var hint = entries.Skip(i).FirstOrDefault(e => e.IsFactLine) is { Section: >= 0 } first && reply.Sections[first.Section].More is { } more
                    ? $"\n_{Mrkdwn.EscapeClipped(more, MaxContextText - 200)}_"
                    : "";
                var codes = entries.Skip(i).Where(e => e.Code is not null).Select(e => e.Code!.Value).ToList();
                page.Close($"_{Mrkdwn.EscapeClipped(Phrases.LeftOut(left, "Slack", codes), 190)}_{hint}");
                return [new SlackMessage(fallback, page.Blocks, ephemeral, left)];
            }
            page.Flush();
            pages.Add(new SlackMessage(fallback, page.Blocks, ephemeral));
            page = new Page(Mrkdwn.EscapeClipped(reply.Title, MaxSectionText - 20) + " (continued)");
            if (!page.TryAdd(entries[i])) throw new InvalidOperationException("A single entry is larger than a page.");
        }
        page.Flush();
        if (reply.Footer is { } footer) page.AddContext(Mrkdwn.EscapeClipped(footer, MaxContextText));
        if (reply.Attachments.Count > 0)
            page.AddContext(Mrkdwn.EscapeClipped("Attached: " + string.Join(", ", reply.Attachments.Select(a => a.FileName)), MaxContextText));
        pages.Add(new SlackMessage(fallback, page.Blocks, ephemeral));
        return pages;
    }

    /// <summary>The reply as mrkdwn pieces, each at most one section's worth, in reading order.</summary>
    private List<Entry> Entries(Reply reply)
    {
        var now = time.GetUtcNow();
        var entries = new List<Entry>();
        for (var s = 0; s < reply.Sections.Count; s++)
        {
            var section = reply.Sections[s];
            entries.Add(Entry.Break);
            if (section.Heading is { } heading) entries.Add(new Entry($"*{Mrkdwn.EscapeClipped(heading, 200)}*", false));
            foreach (var line in section.Lines) entries.Add(new Entry(Line(line, now, desk), true, s, line.Provenance?.Code));
            if (section.More is { } more) entries.Add(new Entry($"_{Mrkdwn.EscapeClipped(more, 500)}_", false));
        }
        return entries;
    }

    private static string Line(ReplyLine line, DateTimeOffset now, DeskZone? desk)
    {
        if (line.Provenance is not { } p) return Mrkdwn.EscapeClipped(line.Text, MaxSectionText - 10);
        var citation = Phrases.Provenance(p, now, desk);
        var rest = citation.StartsWith(p.Source.Outlet, StringComparison.Ordinal) ? citation[p.Source.Outlet.Length..] : ", " + citation;
        rest = Mrkdwn.EscapeClipped(rest, 400);
        if (p.Stale) rest = rest.Replace(" · possibly out of date", " · :warning: possibly out of date");
        var source = Mrkdwn.Link(p.Source.Url, Phrases.Clip(p.Source.Outlet, 100));
        var head = $"`{p.Code}` ";
        var text = Mrkdwn.EscapeClipped(line.Text, MaxSectionText - head.Length - source.Length - rest.Length - 8);
        return $"{head}{text}\n      _{source}{rest}_";
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    /// <param name="Section">The reply section a fact line belongs to, so a cut can repeat that section's hint.</param>
    /// <param name="Code">The fact a line shows, so a cut can name what it left out.</param>
    private sealed record Entry(string Text, bool IsFactLine, int Section = -1, FactCode? Code = null)
    {
        public static readonly Entry Break = new("", false);
    }

    /// <summary>One message being filled: blocks so far, the section text still open, and the character total.</summary>
    private sealed class Page
    {
        private readonly StringBuilder _open = new();
        private int _chars;

        public Page(string title)
        {
            Blocks = [];
            Blocks.Add(Section($"*{title}*"));
            _chars = title.Length + 2;
        }

        public JsonArray Blocks { get; }

        /// <summary>Adds an entry if the page still has room, keeping two blocks spare: the closing line or the footer, and the attachment list.</summary>
        public bool TryAdd(Entry entry)
        {
            if (entry == Entry.Break)
            {
                Flush();
                if (Blocks.Count + 4 > MaxBlocks) return false;
                Blocks.Add(new JsonObject { ["type"] = "divider" });
                return true;
            }
            // Room stays for the closing line or the footer and attachment list (each at most MaxContextText).
            if (_chars + entry.Text.Length + 2 > MaxMessageText - 2 * MaxContextText - 100) return false;
            if (_open.Length > 0 && _open.Length + 1 + entry.Text.Length > MaxSectionText) Flush();
            if (_open.Length == 0 && Blocks.Count + 3 > MaxBlocks) return false;
            if (_open.Length > 0) _open.Append('\n');
            _open.Append(entry.Text);
            _chars += entry.Text.Length + 1;
            return true;
        }

        public void AddContext(string mrkdwn)
        {
            Flush();
            if (Blocks.Count >= MaxBlocks) return;
            Blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }),
            });
        }

        public void Close(string note) => AddContext(note);

        public void Flush()
        {
            if (_open.Length == 0) return;
            Blocks.Add(Section(_open.ToString()));
            _open.Clear();
        }
    }
}
