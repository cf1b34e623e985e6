using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>
/// <c>/update contact</c>: logs a call, meeting or other exchange, held or planned, or changes one; people marked
/// <c>+</c> are added with it.
/// </summary>
public sealed class ContactUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update contact";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Fact("id");
        var picks = request.Picks("people");
        var named = picks?.Items.Select(p => p.Known?.Name ?? p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        // One speaker is a statement, which has its own kind now; old contacts of kind statement still read and change.
        if (named == 1 && request.Choice<ContactKind>("kind") == ContactKind.Statement)
            return ValueTask.FromResult(Reply.Error(
                "A statement by one side is recorded with /update statement, for example /update statement source:Reuters people:\"Vladimir Putin\" date:2025-03-13 stance:conditions text:\"Supports a ceasefire in principle, with conditions\"."));
        if (named < 2)
            return ValueTask.FromResult(Reply.Error("A contact needs at least two people: people:\"Macron, Trump\"."));
        var precision = request.Choice<DatePrecision>("precision");
        IReadOnlyList<long>? about = null;
        if (request.Text("about") is { } aboutText && !AboutOption.TryRead(aboutText, queries, out about, out var aboutError))
            return ValueTask.FromResult(Reply.Error(aboutError));
        // Built once the people marked new have ids, inside the transaction that adds them.
        Func<Func<string, long>, ContactData> data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not ContactData old)
                return ValueTask.FromResult(Reply.Error($"There is no contact {code}; /contacts lists them with their ids."));
            var when = request.When("date", precision) is { } typed
                ? typed
                : old.When is { } w && precision is { } p ? EventDate.Normalised(w.Date, p) : old.When;
            data = newId => old with
            {
                Type = request.Choice<ContactKind>("kind") ?? old.Type,
                ParticipantIds = picks?.Ids(newId) ?? old.ParticipantIds,
                When = when,
                Planned = request.Flag("planned") ?? old.Planned,
                Place = request.Text("place") ?? old.Place,
                Summary = request.Text("summary") ?? old.Summary,
                Tone = request.Text("tone") ?? old.Tone,
                About = about is null ? old.About : about.Count == 0 ? null : about,
            };
        }
        else
        {
            var planned = request.Flag("planned") ?? false;
            if (request.Choice<ContactKind>("kind") is not { } kind || picks is null || request.Text("summary") is not { } summary)
                return ValueTask.FromResult(Reply.Error("A new contact needs kind, people and summary, for example /update contact source:Reuters kind:call people:\"Macron, Trump\" date:2025-03-04 summary:\"Discussed the truce\"."));
            var date = request.When("date", precision);
            if (date is null && !planned)
                return ValueTask.FromResult(Reply.Error("Give the contact's date (date:2025-03-04), or planned:true if it has not happened yet."));
            data = newId => new ContactData(kind, picks.Ids(newId), date,
                planned, request.Text("place"), summary, request.Text("tone"), about is { Count: > 0 } ? about : null);
        }
        var (view, added) = log.Record(picks?.New ?? [], data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn?.Id);
        return ValueTask.FromResult(replies.Recorded(view, request.Now, added));
    }
}
