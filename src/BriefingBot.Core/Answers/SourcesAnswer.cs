using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary><c>/sources show id [as_of]</c>: every source one fact cites, which an answer's one-line citation shortens.</summary>
public sealed class SourcesAnswer(FactQueries queries, FactLines lines) : ICommandHandler
{
    public string Path => "sources show";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Fact("id")!.Value;
        var asOf = request.Period("as_of")?.Last is { } day ? request.Desk.EndOf(day) : (DateTimeOffset?)null;
        if (queries.Get(code, asOf) is not { } view)
            return ValueTask.FromResult(Reply.Error(asOf is null
                ? $"There is no {code}. /search finds facts by their words."
                : $"Nothing was known about {code} on {Phrases.Date(request.Period("as_of")!.Last)}."));
        var r = view.Current;
        var sourceLines = r.Provenance.Sources.Select((s, i) => new ReplyLine(
            $"{i + 1}. {s.Source.Outlet}" + (s.Source.Published is { } d ? $", {Phrases.Date(d)}" : "")
            + (s.Stance == SourceStance.Disputes ? " — disputes it" : " — confirms it")
            + (s.Source.Url is { Length: > 0 } url ? $" · {url}" : ""))).ToList();
        var title = $"Sources of {code}" + (asOf is null ? "" : $" as known on {Phrases.Date(request.Period("as_of")!.Last)}")
                    + (r.Retracted ? " (retracted)" : "");
        return ValueTask.FromResult(new Reply(title,
        [
            new ReplySection(null, [lines.Line(r, request.Now)]),
            new ReplySection($"{r.Provenance.Sources.Count} {(r.Provenance.Sources.Count == 1 ? "source" : "sources")}, overall {Phrases.Confidence(r.Provenance.Confidence)}", sourceLines),
        ], $"/history {code} shows when each source was added and by whom."));
    }
}
