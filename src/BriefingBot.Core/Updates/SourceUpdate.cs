using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update source</c>: cites one more source for a fact without changing what it says, or removes one added by mistake.</summary>
public sealed class SourceUpdate(CitedSources sources, FactLines lines) : ICommandHandler
{
    public string Path => "update source";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Fact("id")!.Value;
        var source = new SourceRef(request.Text("source")!.Trim(), request.Text("source_url"), request.Date("source_date"));
        var remove = request.Flag("remove") == true;
        if (remove && (request.Has("stance") || request.Has("confidence")))
            return ValueTask.FromResult(Reply.Error("remove:true takes only the source (and its source_date or source_url to tell two apart); leave out stance and confidence."));
        var view = remove
            ? sources.Remove(code, source, request.Caller.Author, request.Text("reason"))
            : sources.Add(code, new CitedSource(source, request.Choice<SourceStance>("stance") ?? SourceStance.Confirms),
                request.Choice<Confidence>("confidence"), request.Caller.Author, request.Text("reason"));
        var r = view.Current;
        var change = FactLines.SourceChange(view.Previous!.Provenance, r.Provenance) ?? "nothing changed";
        var listed = r.Provenance.Sources.Select(s => CitedSources.Describe(s.Source) + (s.Stance == SourceStance.Disputes ? " (disputes it)" : ""));
        return ValueTask.FromResult(Reply.Confirmation($"{(remove ? "Removed a source from" : "Added a source to")} {r.Code}.", new ReplySection(null,
        [
            lines.Line(r, request.Now),
            new ReplyLine(char.ToUpperInvariant(change[0]) + change[1..] + "."),
            new ReplyLine($"{r.Code} now cites {string.Join("; ", listed.Take(10))}{(r.Provenance.Sources.Count > 10 ? $" and {r.Provenance.Sources.Count - 10} more" : "")}."),
            new ReplyLine($"/update undo takes this back; /history {r.Code} shows when each source was added."),
        ])));
    }
}
