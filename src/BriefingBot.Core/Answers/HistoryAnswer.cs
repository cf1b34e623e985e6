using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary><c>/history id</c>: every revision of one fact, oldest first.</summary>
public sealed class HistoryAnswer(FactQueries queries, FactLines lines) : ICommandHandler
{
    public string Path => "history";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Fact("id")!.Value;
        var revisions = queries.History(code);
        if (revisions.Count == 0) return ValueTask.FromResult(Reply.Error($"There is no {code}. /search finds facts by their words."));
        // After a late entry filed before it, the version that stands is not the last: say which it is.
        var stands = queries.Get(code)?.Current is { Action: RevisionAction.Create or RevisionAction.Change } s && s.Id != revisions[^1].Id ? s.Id : 0;
        var historyLines = revisions.Select((r, i) =>
        {
            var line = lines.Line(r, request.Now);
            // A revision that only cites differently says which source came or went, and by whom.
            var sourced = r.Action == RevisionAction.Change && i > 0
                && KnowledgeJson.Serialize(revisions[i - 1].Data) == KnowledgeJson.Serialize(r.Data)
                && FactLines.SourceChange(revisions[i - 1].Provenance, r.Provenance) is { } change ? change : null;
            var what = sourced is not null
                ? revisions[i - 1].Provenance.Sources.SequenceEqual(r.Provenance.Sources) ? "Confidence changed" : "Sources changed"
                : r.Action switch
                {
                    RevisionAction.Create => "Recorded",
                    RevisionAction.Change => "Changed",
                    RevisionAction.Retract => "Retracted",
                    _ => r.Retracted ? "Withdrawn by undo" : "Restored by undo",
                };
            var why = r.Reason is { Length: > 0 } reason ? $" ({reason})" : "";
            var moved = i > 0 && lines.Moved(revisions[i - 1].Data, r.Data) is { } m ? $" ({m})" : "";
            // When it took effect, where the text does not say it already (a contact's day does) and it is not the day recorded.
            var effect = r.Action is RevisionAction.Create or RevisionAction.Change && r.Data.Kind.Period(r.Data) is null
                && r.Provenance.Effective is { } e && !SameDay(e, r.RecordedAt, request.Desk) ? $" (in effect from {e.Short()})" : "";
            // Only a new date is a correction worth saying; the same version cited anew or re-worded on its day replaces it quietly.
            var corrected = r.CorrectsRevisionId is { } c && revisions.TakeWhile(v => v.Id != c).Count() is var at && at < i
                && !Equals(revisions[at].Provenance.Effective, r.Provenance.Effective) && !revisions.Any(u => u.UndoesRevisionId == r.Id)
                ? $" (puts right when version {at + 1} took effect: it counts on no day since)" : "";
            var standing = r.Id == stands ? " — this version stands now" : "";
            return line with { Text = $"{i + 1}. {what} by {r.RecordedByName} on {Phrases.Date(r.RecordedAt, request.Desk)}{why}: {sourced ?? line.Text}{moved}{effect}{corrected}{standing}" };
        }).ToList();
        var state = revisions[^1].Retracted ? "retracted" : "current";
        return ValueTask.FromResult(new Reply($"History of {code} ({state}, {revisions.Count} revisions)",
            [new ReplySection(null, historyLines)]));
    }

    private static bool SameDay(EventDate effective, DateTimeOffset recordedAt, DeskZone desk) =>
        effective.Precision == DatePrecision.Day && !effective.IsRange && effective.Start == desk.DayOf(recordedAt);
}
