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
        return Reply.Confirmation($"Updated {r.Code}.", new ReplySection(null,
        [
            lines.Line(r, now),
            new ReplyLine(Capitalise(lines.Difference(view.Previous.Data, r.Data)) + "."),
            new ReplyLine($"/update undo takes this back; /history {r.Code} shows every version."),
        ]));
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
