using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update retract id reason</c>: withdraws a wrong fact; it stays in the history.</summary>
public sealed class RetractUpdate(FactLog log, FactLines lines, ActorDirectory actors) : ICommandHandler
{
    public string Path => "update retract";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var view = log.Retract(request.Fact("id")!.Value, request.Caller.Author, request.Text("reason")!);
        return ValueTask.FromResult(Reply.Confirmation($"Retracted {view.Code}.", new ReplySection(null,
        [
            lines.Line(view.Current, request.Now),
            new ReplyLine($"Reason: {view.Current.Reason}. It no longer appears in answers; /update undo brings it back."),
            .. UpdateReplies.StillKnown(actors.AddedWith(view.Current.FactId)) is { } stay ? [stay] : Array.Empty<ReplyLine>(),
        ])));
    }
}
