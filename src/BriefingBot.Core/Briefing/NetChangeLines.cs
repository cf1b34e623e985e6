using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Briefing;

/// <summary>The briefing's line for one fact's net change over its window: new, changed (in words), restored or withdrawn.</summary>
public sealed class NetChangeLines(FactLines lines, DeskZone desk)
{
    /// <param name="named">What the facts of the briefing's lines are about, read once for all (<see cref="FactLines.NamesOf"/>).</param>
    public ReplyLine Line(NetChange change, DateTimeOffset now, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named = null)
    {
        var (before, after) = (change.Before, change.After);
        var kind = Vocabulary.Word(after.Code.Kind);
        var said = lines.Describe(after.Data, named);
        var text = after.Retracted
            ? $"Retracted {kind}: {said}{Why(after)} ({Withdrawal(change)})"
            : before is null ? $"New {kind}: {said}"
            : before.Retracted ? $"Restored {kind}: {said} (by {after.RecordedByName} on {Phrases.Date(after.RecordedAt, desk)})"
            : $"Changed {kind}: {said} ({lines.Difference(before, after)}{Undid(after)})";
        return new ReplyLine(text, lines.Provenance(after, now));
    }

    /// <summary>
    /// A retracted fact as a search finds it: by whom and when it was withdrawn, why, what it said and what it cited. A notice,
    /// not a fact line: it no longer stands, so it carries no id to quote as one, and its citation is in its words.
    /// </summary>
    public ReplyLine Withdrawn(Revision retraction, DateTimeOffset now)
    {
        var how = retraction.Action == RevisionAction.Undo ? "withdrawn by undo by" : "retracted by";
        var why = retraction.Reason is { Length: > 0 } reason && retraction.Action == RevisionAction.Retract ? $" — {reason.TrimEnd('.')}" : "";
        return new ReplyLine($"{retraction.Code} was {how} {retraction.RecordedByName} on {Phrases.Date(retraction.RecordedAt, desk)}{why}. " +
                             $"It said: {lines.Describe(retraction.Data).TrimEnd('.')}. Cited: {Phrases.Provenance(lines.Provenance(retraction, now), now, desk)}");
    }

    // A change that ends in an undo takes back what an earlier briefing may have reported: say so, so the reader of "now
    // rejected" does not take "now agreed" for a new report.
    private string Undid(Revision r) =>
        r.Action == RevisionAction.Undo ? $"; {r.RecordedByName} undid the change on {Phrases.Date(r.RecordedAt, desk)}" : "";

    private static string Why(Revision r) => r.Reason is { Length: > 0 } why && r.Action == RevisionAction.Retract ? $" — {why}" : "";

    // Who withdrew it and when; for a claim that came and went inside the window, also who entered it, so a reader who saw
    // it elsewhere in the meantime (an answer, a chat) can place it.
    private string Withdrawal(NetChange change)
    {
        var r = change.After;
        var how = r.Action == RevisionAction.Undo ? $"withdrawn by undo by {r.RecordedByName}" : $"retracted by {r.RecordedByName}";
        var when = $"{how} on {Phrases.Date(r.RecordedAt, desk)}";
        return change.EnteredAndWithdrawn
            ? $"entered by {change.First.RecordedByName} on {Phrases.Date(change.First.RecordedAt, desk)} and {when}"
            : when;
    }
}
