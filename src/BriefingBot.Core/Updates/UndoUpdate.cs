using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update undo</c>: takes back the moderator's own newest change.</summary>
public sealed class UndoUpdate(FactLog log, FactLines lines, ActorDirectory actors) : ICommandHandler
{
    public string Path => "update undo";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var view = log.Undo(request.Caller.Author);
        var undone = view.Previous!;
        var what = $"your {Vocabulary.Word(undone.Action)} of {undone.Code} from {Phrases.Ago(undone.RecordedAt, request.Now)}";
        var now = view.Current.Retracted
            // A fact whose creation is undone was never withdrawn before: "again" would say it had been.
            ? $"{view.Code} is withdrawn{(undone.Action == RevisionAction.Create ? "" : " again")}; it no longer appears in answers."
            : $"{view.Code} is back to: {lines.Describe(view.Current.Data)}";
        var stay = undone.Action is RevisionAction.Create or RevisionAction.Change
            ? UpdateReplies.StillKnown(actors.AddedWith(undone.FactId, undone.Id)) : null;
        return ValueTask.FromResult(Reply.Confirmation($"Undid {what}.",
            new ReplySection(null, stay is null ? [new ReplyLine(now)] : [new ReplyLine(now), stay])));
    }
}
