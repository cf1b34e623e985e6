using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/sources add</c>: cites one more source for a fact without changing what it says.</summary>
public sealed class SourceAdd(CitedSources sources, FactLines lines) : ICommandHandler
{
    public string Path => "sources add";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var cited = new CitedSource(SourceUpdates.Source(request), request.Choice<SourceStance>("stance") ?? SourceStance.Confirms);
        var view = sources.Add(request.Fact("id")!.Value, cited, request.Choice<Confidence>("confidence"), request.Caller.Author, request.Text("reason"));
        return ValueTask.FromResult(SourceUpdates.Done($"Added a source to {view.Code}.", view, lines, request.Now));
    }
}

/// <summary><c>/sources remove</c>: stops citing a source added by mistake; the fact keeps one that confirms it.</summary>
public sealed class SourceRemove(CitedSources sources, FactLines lines) : ICommandHandler
{
    public string Path => "sources remove";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var view = sources.Remove(request.Fact("id")!.Value, SourceUpdates.Source(request), request.Caller.Author, request.Text("reason"));
        return ValueTask.FromResult(SourceUpdates.Done($"Removed a source from {view.Code}.", view, lines, request.Now));
    }
}

/// <summary>What adding and removing a source share: reading the source typed, and the confirmation.</summary>
internal static class SourceUpdates
{
    public static SourceRef Source(CommandRequest request) =>
        new(request.Text("source")!.Trim(), request.Text("source_url"), request.Date("source_date"));

    public static Reply Done(string title, FactView view, FactLines lines, DateTimeOffset now)
    {
        var r = view.Current;
        var change = FactLines.SourceChange(view.Previous!.Provenance, r.Provenance) ?? "nothing changed";
        return Reply.Confirmation(title, new ReplySection(null,
        [
            lines.Line(r, now),
            new ReplyLine(char.ToUpperInvariant(change[0]) + change[1..] + "."),
            new ReplyLine($"/sources show id:{r.Code} lists every source; /update undo takes this back; /history {r.Code} shows when each was added."),
        ]));
    }
}
