using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/sources show id [as_of] [on]</c>: every source one fact cites, which an answer's one-line citation shortens; as known at
/// the end of a day, or those of the fact as it stood in the world on a day.
/// </summary>
public sealed class SourcesAnswer(FactQueries queries, FactLines lines) : ICommandHandler
{
    public string Path => "sources show";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Fact("id")!.Value;
        var asOf = request.Period("as_of")?.Last is { } day ? request.Desk.EndOf(day) : (DateTimeOffset?)null;
        // With on, the sources the fact's version in effect that day cited, as known now or by the as-of day: a source added
        // since to the same version counts (it backs what stood then), one that backed only a later version does not.
        var past = request.View();
        if (past.On is { } on)
            return ValueTask.FromResult(queries.GetAt(code, past) is { } stood
                ? Answer(code, stood.Current, " " + past.Describe(), request)
                : Reply.Error($"Nothing about {code} stood {TimeView.When(on)}" + (past.AsOf is { } known ? $", as known {TimeView.When(known)}." : ".")));
        if (queries.Get(code, asOf) is not { } view)
            return ValueTask.FromResult(Reply.Error(asOf is null
                ? $"There is no {code}. /search finds facts by their words."
                : $"Nothing was known about {code} on {Phrases.Date(request.Period("as_of")!.Last)}."));
        return ValueTask.FromResult(Answer(code, view.Current, asOf is null ? "" : $" as known on {Phrases.Date(request.Period("as_of")!.Last)}", request));
    }

    private Reply Answer(FactCode code, Revision r, string when, CommandRequest request)
    {
        var sourceLines = r.Provenance.Sources.Select((s, i) => new ReplyLine(
            $"{i + 1}. {s.Source.Outlet}" + (s.Source.Published is { } d ? $", {Phrases.Date(d)}" : "")
            + (s.Stance == SourceStance.Disputes ? " — disputes it" : " — confirms it")
            + (s.Source.Url is { Length: > 0 } url ? $" · {url}" : ""))).ToList();
        var title = $"Sources of {code}{when}" + (r.Retracted ? " (retracted)" : "");
        return new Reply(title,
        [
            new ReplySection(null, [lines.Line(r, request.Now)]),
            new ReplySection($"{r.Provenance.Sources.Count} {(r.Provenance.Sources.Count == 1 ? "source" : "sources")}, overall {Phrases.Confidence(r.Provenance.Confidence)}", sourceLines),
        ], $"/history {code} shows when each source was added and by whom.");
    }
}
