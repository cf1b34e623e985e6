using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>The confirmations moderators see after a change, worded the same way for every kind of fact.</summary>
public sealed class UpdateReplies(FactLines lines)
{
    public Reply Recorded(FactView view, DateTimeOffset now)
    {
        var r = view.Current;
        var kind = Vocabulary.Word(r.Code.Kind);
        if (view.Previous is null)
            return Reply.Confirmation($"Recorded new {kind} {r.Code}.", new ReplySection(null, [lines.Line(r, now)]));
        var said = new List<ReplyLine> { lines.Line(r, now), new(Capitalise(lines.Difference(view.Previous, r)) + ".") };
        // A changed fact is cited afresh; say so rather than let the sources added beside the old version vanish silently.
        if (view.Previous.Provenance.Also.Where(s => !r.Provenance.Sources.Contains(s)).Select(s => s.Source.Outlet).ToList() is { Count: > 0 } dropped)
            said.Add(new ReplyLine($"No longer cited: {Phrases.List(dropped)}, which backed the earlier version; /sources add id:{r.Code} adds one back."));
        said.Add(new ReplyLine($"/update undo takes this back; /history {r.Code} shows every version."));
        return Reply.Confirmation($"Updated {r.Code}.", new ReplySection(null, said));
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
