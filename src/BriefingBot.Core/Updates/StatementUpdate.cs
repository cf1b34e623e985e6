using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>
/// <c>/update statement</c>: records what one or more actors said, announced or denied, or changes such a record; speakers
/// marked <c>+</c> are added with it (a new spokesman is the commonest newcomer a desk meets).
/// </summary>
public sealed class StatementUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update statement";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Fact("id");
        var picks = request.Picks("people");
        var precision = request.Choice<DatePrecision>("precision");
        IReadOnlyList<long>? about = null;
        if (request.Text("about") is { } aboutText && !AboutOption.TryRead(aboutText, queries, out about, out var aboutError))
            return Done(Reply.Error(aboutError));
        // "none" clears a stance; any other word is one of Stance's.
        var stanceWord = request.Text("stance");
        Stance? stance = stanceWord is null or "none" ? null : Vocabulary.Parse<Stance>(stanceWord);
        // Built once the people marked new have ids, inside the transaction that adds them.
        Func<Func<string, long>, StatementData> data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not StatementData old)
                return Done(Reply.Error($"There is no statement {code}; /statements lists them with their ids."));
            var when = request.When("date", precision) is { } typed
                ? typed
                : old.When is { } w && precision is { } p ? EventDate.Normalised(w.Date, p) : old.When;
            data = newId => old with
            {
                SpeakerIds = picks?.Ids(newId) ?? old.SpeakerIds,
                When = when,
                Via = request.Text("via") ?? old.Via,
                Text = request.Text("text") ?? old.Text,
                Stance = stanceWord is null ? old.Stance : stance,
                About = about is null ? old.About : about.Count == 0 ? null : about,
            };
        }
        else
        {
            if (picks is null || request.Text("text") is not { } text)
                return Done(Reply.Error("A new statement needs people and text, for example /update statement source:Reuters people:\"Vladimir Putin\" date:2025-03-13 stance:conditions about:P1 text:\"Supports a ceasefire in principle, with conditions\"."));
            if (request.When("date", precision) is not { } date)
                return Done(Reply.Error("Give the day it was said (date:2025-03-13), with precision:week or month if only that is known."));
            data = newId => new StatementData(picks.Ids(newId), date, request.Text("via"), text, stance,
                about is { Count: > 0 } ? about : null);
        }
        var (view, added) = log.Record(picks?.New ?? [], data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn?.Id);
        return Done(replies.Recorded(view, request.Now, added));
    }

    private static ValueTask<Reply> Done(Reply reply) => ValueTask.FromResult(reply);
}
