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
        // Measured first, then written once into a string of that length: a busy briefing is some 35,000 characters, which a
        // growing StringBuilder allocated about three times over (its chunks, then the string).
        var citations = Citations(reply, time.GetUtcNow(), desk);
        var layout = new Layout(reply, citations);
        layout.Write(Span<char>.Empty, measure: true, out var length);
        return string.Create(length, layout, static (span, l) => l.Write(span, measure: false, out _));
    }

    // Each fact line's citation in its pieces, in the order the lines come: written into the text, never a string of its own.
    private static List<Citation> Citations(Reply reply, DateTimeOffset now, DeskZone? desk)
    {
        var citations = new List<Citation>();
        var today = (desk ?? DeskZone.Utc).DayOf(now);
        foreach (var section in reply.Sections)
            foreach (var line in section.Lines)
                if (line.Provenance is { } provenance) citations.Add(Phrases.Cite(provenance, today, desk));
        return citations;
    }

    private sealed class Layout(Reply reply, List<Citation> citations)
    {
        // Measures (span left empty) or writes the text; the two passes go through the same steps, so they cannot disagree.
        public void Write(Span<char> span, bool measure, out int length)
        {
            var w = new Writer(span, measure);
            var next = 0;
            w.Put(reply.Title);
            w.Put("\n");
            Span<char> code = stackalloc char[12];
            foreach (var section in reply.Sections)
            {
                w.Put("\n");
                if (section.Heading is { } heading)
                {
                    w.Put(heading);
                    w.Put("\n");
                }
                foreach (var line in section.Lines)
                {
                    w.Spaces(2);
                    if (line.Provenance is { } p)
                    {
                        // The id in a column of five, and always a space after it (T12345 would run into its text otherwise).
                        var id = Code(p.Code, code);
                        w.Put(id);
                        w.Spaces(Math.Max(5, id.Length + 1) - id.Length);
                    }
                    w.Put(line.Text);
                    w.Put("\n");
                    if (line.Provenance is not null)
                    {
                        w.Spaces(7);
                        w.Put(citations[next++]);
                        w.Put("\n");
                    }
                }
                if (section.More is { } more)
                {
                    w.Spaces(2);
                    w.Put(more);
                    w.Put("\n");
                }
            }
            foreach (var attachment in reply.Attachments)
                w.Put($"\n[attachment {attachment.FileName}, {attachment.Content.Length} bytes]\n");
            if (reply.Footer is { } footer)
            {
                w.Put("\n");
                w.Put(footer);
                w.Put("\n");
            }
            length = w.At;
        }

        private ref struct Writer(Span<char> span, bool measure)
        {
            private readonly Span<char> _span = span;
            public int At;

            public void Put(scoped ReadOnlySpan<char> text)
            {
                if (!measure) text.CopyTo(_span[At..]);
                At += text.Length;
            }

            public void Put(in Citation citation)
            {
                if (!measure) citation.CopyTo(_span[At..]);
                At += citation.Length;
            }

            public void Spaces(int count)
            {
                if (!measure) _span.Slice(At, count).Fill(' ');
                At += count;
            }
        }

        private static ReadOnlySpan<char> Code(FactCode fact, Span<char> buffer)
        {
            var at = 0;
            if (fact.Kind?.Letter is { } letter) buffer[at++] = letter;
            fact.Number.TryFormat(buffer[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            return buffer[..(at + written)];
        }
    }
}
