using System.Runtime.CompilerServices;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Doors;

/// <summary>
/// Each reply laid out for a platform and serialised once a day: a kept answer (the core's answer cache) is the same
/// <see cref="Reply"/> until the knowledge or the day changes, and laying it out again was most of what an answered
/// request allocated. Entries live exactly as long as their reply does.
/// </summary>
/// <param name="keepWithFiles">False where files travel outside the layout (a multipart body): such replies are laid out afresh.</param>
/// <param name="desk">Whose day a layout is kept for: "3 days ago" turns over at the desk's midnight (UTC's when null).</param>
public sealed class KeptLayouts<T>(Func<Reply, T> layOut, Func<T, byte[]> serialise, TimeProvider time, bool keepWithFiles, DeskZone? desk = null)
    where T : class
{
    // The layout depends on the reply and on the desk's day alone ("3 days ago" in each line's provenance), so the day is kept with it.
    private sealed record Kept(DateOnly Day, T Layout);

    private readonly ConditionalWeakTable<Reply, Kept> _layouts = new();
    private readonly ConditionalWeakTable<T, byte[]> _json = new();

    /// <summary>The reply laid out, the same object while the reply and the day are.</summary>
    public T Layout(Reply reply)
    {
        var day = (desk ?? DeskZone.Utc).DayOf(time.GetUtcNow());
        if (_layouts.TryGetValue(reply, out var kept) && kept.Day == day) return kept.Layout;
        var layout = layOut(reply);
        if (!keepWithFiles && reply.Attachments.Count > 0) return layout;
        _json.AddOrUpdate(layout, serialise(layout));
        _layouts.AddOrUpdate(reply, new Kept(day, layout));
        return layout;
    }

    /// <summary>The layout as UTF-8 JSON: kept bytes for a layout made here, else serialised now.</summary>
    public byte[] Json(T layout) => _json.TryGetValue(layout, out var json) ? json : serialise(layout);
}
