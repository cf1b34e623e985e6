using System.Globalization;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BriefingBot.Briefing;

/// <summary>
/// Draws who spoke to whom as a PNG: actors as nodes on a circle (busiest first), a line per pair and kind of contact,
/// thicker for more contacts, coloured by kind, with a legend. Uses the fonts shipped in config/fonts.
/// </summary>
public sealed class ContactGraph(ActorDirectory actors, IOptions<BriefingOptions> options)
{
    public const int Width = 1200, Height = 860;
    private const float LegendLeft = Width - 220f;

    private static readonly Dictionary<ContactKind, SKColor> Colours = new()
    {
        [ContactKind.Call] = new SKColor(0x1f, 0x77, 0xb4),
        [ContactKind.Meeting] = new SKColor(0xd6, 0x27, 0x28),
        [ContactKind.Summit] = new SKColor(0x94, 0x67, 0xbd),
        [ContactKind.Letter] = new SKColor(0x2c, 0xa0, 0x2c),
        [ContactKind.Statement] = new SKColor(0xff, 0x7f, 0x0e),
    };

    private readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> _fonts = new(() => LoadFonts(options.Value.FontPath));

    /// <summary>The picture as a reply attachment, or null when no contact (planned ones aside) happened.</summary>
    public ReplyAttachment? Attachment(IReadOnlyList<ContactData> contacts, string title) =>
        contacts.All(c => c.Planned) ? null : new ReplyAttachment("contacts.png", "image/png", Render(contacts, title), title);

    public byte[] Render(IReadOnlyList<ContactData> contacts, string title)
    {
        var edges = contacts
            .Where(c => !c.Planned)
            .SelectMany(c => Pairs(c.ParticipantIds).Select(p => (p.A, p.B, c.Type)))
            .GroupBy(e => e).Select(g => (g.Key.A, g.Key.B, g.Key.Type, Count: g.Count())).ToList();
        var degree = edges.SelectMany(e => new[] { (e.A, e.Count), (e.B, e.Count) })
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Sum(x => x.Item2));
        var nodes = degree.OrderByDescending(d => d.Value).ThenBy(d => d.Key).Select(d => d.Key).Take(40).ToList();
        var centre = new SKPoint((LegendLeft - 20) / 2f, Height / 2f + 20);
        var radius = Math.Min(LegendLeft - 20, Height - 120) / 2f - 80;
        var at = nodes.Select((id, i) => (id, p: new SKPoint(
                centre.X + radius * MathF.Cos(2 * MathF.PI * i / nodes.Count - MathF.PI / 2),
                centre.Y + radius * MathF.Sin(2 * MathF.PI * i / nodes.Count - MathF.PI / 2))))
            .ToDictionary(x => x.id, x => x.p);

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var (regular, bold) = _fonts.Value;
        using var titleFont = new SKFont(bold, 28);
        using var labelFont = new SKFont(regular, 17);
        using var smallFont = new SKFont(regular, 15);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        canvas.DrawText(title, 30, 46, titleFont, ink);

        var maxCount = edges.Count == 0 ? 1 : edges.Max(e => e.Count);
        foreach (var group in edges.Where(e => at.ContainsKey(e.A) && at.ContainsKey(e.B)).GroupBy(e => (e.A, e.B)))
        {
            var kinds = group.OrderBy(e => e.Type).ToList();
            for (var k = 0; k < kinds.Count; k++)
            {
                var e = kinds[k];
                using var pen = new SKPaint
                {
                    Color = Colours[e.Type].WithAlpha(200),
                    IsAntialias = true,
                    Style = SKPaintStyle.Stroke,
                    StrokeWidth = 2 + 10f * e.Count / maxCount,
                    StrokeCap = SKStrokeCap.Round,
                };
                // Parallel kinds between one pair bow apart so each stays visible.
                var bend = (k - (kinds.Count - 1) / 2f) * 40;
                var a = at[e.A];
                var b = at[e.B];
                var mid = new SKPoint((a.X + b.X) / 2, (a.Y + b.Y) / 2);
                var length = MathF.Max(1, SKPoint.Distance(a, b));
                var control = new SKPoint(mid.X - (b.Y - a.Y) / length * bend, mid.Y + (b.X - a.X) / length * bend);
                using var path = new SKPath();
                path.MoveTo(a);
                path.QuadTo(control, b);
                canvas.DrawPath(path, pen);
                if (e.Count > 1) canvas.DrawText(e.Count.ToString(CultureInfo.InvariantCulture), control.X + 4, control.Y - 4, smallFont, ink);
            }
        }

        using var nodeFill = new SKPaint { Color = new SKColor(0x33, 0x3f, 0x50), IsAntialias = true };
        foreach (var (id, p) in at)
        {
            var size = 8 + 14f * degree[id] / Math.Max(1, degree.Values.Max());
            canvas.DrawCircle(p, size, nodeFill);
            var name = actors.TryGet(id, out var actor) ? actor.Name : $"#{id}";
            var width = labelFont.MeasureText(name);
            var x = p.X < centre.X - 5 ? p.X - size - 6 - width : p.X > centre.X + 5 ? p.X + size + 6 : p.X - width / 2;
            x = Math.Clamp(x, 10, LegendLeft - 20 - width);
            var y = p.Y < centre.Y ? p.Y - size - 6 : p.Y + size + 20;
            canvas.DrawText(name, x, y, labelFont, ink);
        }

        var legendX = LegendLeft;
        canvas.DrawText("Kind of contact", legendX, 100, labelFont, ink);
        var row = 0;
        foreach (var (kind, colour) in Colours)
        {
            using var swatch = new SKPaint { Color = colour, IsAntialias = true, StrokeWidth = 6, Style = SKPaintStyle.Stroke };
            var y = 130 + row++ * 30;
            canvas.DrawLine(legendX, y - 5, legendX + 36, y - 5, swatch);
            canvas.DrawText(Vocabulary.Phrase(kind), legendX + 46, y, smallFont, ink);
        }
        canvas.DrawText("Thicker: more contacts", legendX, 130 + row * 30 + 10, smallFont, ink);
        if (nodes.Count < degree.Count)
            canvas.DrawText($"Showing the {nodes.Count} busiest of {degree.Count} actors", 30, Height - 20, smallFont, ink);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static IEnumerable<(long A, long B)> Pairs(IReadOnlyList<long> ids)
    {
        var distinct = ids.Distinct().Order().ToList();
        for (var i = 0; i < distinct.Count; i++)
            for (var j = i + 1; j < distinct.Count; j++)
                yield return (distinct[i], distinct[j]);
    }

    private static (SKTypeface, SKTypeface) LoadFonts(string folder)
    {
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(AppContext.BaseDirectory, folder);
        var regular = Path.Combine(folder, "DejaVuSans.ttf");
        var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular))
            throw new FileNotFoundException($"The contact picture needs its font at {regular}; set Briefing:FontPath to the folder that holds DejaVuSans.ttf.");
        return (SKTypeface.FromFile(regular), File.Exists(bold) ? SKTypeface.FromFile(bold) : SKTypeface.FromFile(regular));
    }
}
