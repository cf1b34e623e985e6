using System.Runtime.CompilerServices;
using BriefingBot.Replies;

namespace BriefingBot.Doors;

/// <summary>
/// Each reply laid out for a platform and serialised once a day: a kept answer (the core's answer cache) is the same
/// <see cref="Reply"/> until the knowledge or the day changes, and laying it out again was most of what an answered
/// request allocated. Entries live exactly as long as their reply does.
/// </summary>
/// <param name="keepWithFiles">False where files travel outside the layout (a multipart body): such replies are laid out afresh.</param>
public sealed class KeptLayouts<T>(Func<Reply, T> layOut, Func<T, byte[]> serialise, TimeProvider time, bool keepWithFiles)
    where T : class
{
    // The layout depends on the reply and on the day alone ("3 days ago" in each line's provenance), so the day is kept with it.
    private sealed record Kept(DateOnly Day, T Layout);

    private readonly ConditionalWeakTable<Reply, Kept> _layouts = new();
    private readonly ConditionalWeakTable<T, byte[]> _json = new();

    /// <summary>The reply laid out, the same object while the reply and the day are.</summary>
    public T Layout(Reply reply)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
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
