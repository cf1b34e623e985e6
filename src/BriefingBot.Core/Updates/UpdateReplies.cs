using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>The confirmations moderators see after a change, worded the same way for every kind of fact.</summary>
public sealed class UpdateReplies(FactLines lines, DeskZone desk)
{
    public Reply Recorded(FactView view, DateTimeOffset now, IReadOnlyList<Actor>? added = null)
    {
        var reply = Recorded(view, now);
        if (added is not { Count: > 0 }) return reply;
        // Actors are not facts: undo and retract take back the fact, not the names. Say so, so a typo is seen and dealt with.
        var names = Phrases.List(added.Select(a => $"{a.Name} ({Vocabulary.Phrase(a.Kind)}{(a.Aliases.Count > 1 ? ", also " + a.Aliases[1] : "")})").ToList(), 50);
        var line = new ReplyLine($"Added {names} to the people the bot knows. Check the spelling: people are not facts, so " +
                                 "undo and retract keep them (a wrong name left unused does no harm).");
        return reply with { Sections = [.. reply.Sections, new ReplySection("New", [line])] };
    }

    /// <summary>
    /// What undo or retract leaves behind: the actors added with the fact stay known, as actors are not facts and have no
    /// revisions. Null when none came with it.
    /// </summary>
    public static ReplyLine? StillKnown(IReadOnlyList<Actor> added) => added.Count == 0 ? null : new ReplyLine(
        $"{Phrases.List(added.Select(a => $"{a.Name} ({Vocabulary.Phrase(a.Kind)})").ToList(), 50)} came with it and " +
        $"{(added.Count == 1 ? "stays" : "stay")} known: people are not facts, so undo and retract keep them. If a name was a mistake, leave it unused.");

    private Reply Recorded(FactView view, DateTimeOffset now)
    {
        var r = view.Current;
        var kind = Vocabulary.Word(r.Code.Kind);
        if (view.Previous is null)
            return Reply.Confirmation($"Recorded new {kind} {r.Code}.", new ReplySection(null, [lines.Line(r, now)]));
        var said = new List<ReplyLine> { lines.Line(r, now), new(Capitalise(lines.Difference(view.Previous, r)) + ".") };
        var when = r.Provenance.Effective?.Short();
        if (view.Standing is { } other && view.Corrected is { } moved)
        {
            // A date put right earlier than another version's: that one stands now, which answers did not show before.
            said[1] = new ReplyLine($"Put right when it took effect: {when}, not {moved.Provenance.Effective?.Short()}. That is before the " +
                                    $"version in effect from {other.Provenance.Effective?.Short()}, which now stands: {lines.Describe(other.Data).TrimEnd('.')}.");
            return Reply.Confirmation($"Updated {r.Code}; another version now stands.", new ReplySection(null, [.. said, Undo(r)]));
        }
        if (view.Standing is { } stands)
        {
            // Filled in history: say so at once, or a moderator who meant "this is how it stands now" never learns otherwise.
            said[1] = new ReplyLine($"Filed as history: it took effect on {when}, before the version that stands (in effect from " +
                                    $"{stands.Provenance.Effective?.Short()}), which answers still show: {lines.Describe(stands.Data).TrimEnd('.')}. " +
                                    $"If this is how it stands now, give it a later effective: date; /update undo takes it back.");
            return Reply.Confirmation($"Filed {r.Code}'s earlier state.", new ReplySection(null, [.. said, Undo(r)]));
        }
        if (view.Corrected is { } corrected)
        {
            // Only the date moved: "Source or confidence updated" would say what did not happen.
            if (corrected.Id == view.Previous.Id && KnowledgeJson.Serialize(view.Previous.Data) == KnowledgeJson.Serialize(r.Data)
                && view.Previous.Provenance.Sources.SequenceEqual(r.Provenance.Sources) && view.Previous.Provenance.Confidence == r.Provenance.Confidence)
                said.RemoveAt(1);
            said.Add(new ReplyLine($"Put right when it took effect: {when}, not {corrected.Provenance.Effective?.Short()}. The version " +
                                   $"{corrected.RecordedByName} recorded on {Phrases.Date(corrected.RecordedAt, desk)} no longer counts on any day."));
        }
        else if (view.DatedByWhatItReplaced)
            said.Add(new ReplyLine($"In effect from {when}, the date of the version it replaces: a change with no date given never takes " +
                                   "effect before it. To date it otherwise, give effective:."));
        // A changed fact is cited afresh; say so rather than let the sources added beside the old version vanish silently.
        if (view.Previous.Provenance.Also.Where(s => !r.Provenance.Sources.Contains(s)).Select(s => s.Source.Outlet).ToList() is { Count: > 0 } dropped)
            said.Add(new ReplyLine($"No longer cited: {Phrases.List(dropped)}, which backed the earlier version; /sources add id:{r.Code} adds one back."));
        said.Add(Undo(r));
        return Reply.Confirmation($"Updated {r.Code}.", new ReplySection(null, said));
    }

    private static ReplyLine Undo(Revision r) => new($"/update undo takes this back; /history {r.Code} shows every version.");

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
