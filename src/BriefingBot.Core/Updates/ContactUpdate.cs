using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update contact</c>: logs a call, meeting or other exchange, held or planned, or changes one.</summary>
public sealed class ContactUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update contact";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Fact("id");
        var people = request.Actors("people")?.Select(a => a.Id).ToList();
        // One speaker is a statement, which has its own kind now; old contacts of kind statement still read and change.
        if (people is { Count: 1 } && request.Choice<ContactKind>("kind") == ContactKind.Statement)
            return ValueTask.FromResult(Reply.Error(
                "A statement by one side is recorded with /update statement, for example /update statement source:Reuters people:\"Vladimir Putin\" date:2025-03-13 stance:conditions text:\"Supports a ceasefire in principle, with conditions\"."));
        if (people is { Count: < 2 })
            return ValueTask.FromResult(Reply.Error("A contact needs at least two people: people:\"Macron, Trump\"."));
        var precision = request.Choice<DatePrecision>("precision");
        IReadOnlyList<long>? about = null;
        if (request.Text("about") is { } aboutText && !AboutOption.TryRead(aboutText, queries, out about, out var aboutError))
            return ValueTask.FromResult(Reply.Error(aboutError));
        ContactData data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not ContactData old)
                return ValueTask.FromResult(Reply.Error($"There is no contact {code}; /contacts lists them with their ids."));
            var when = request.Date("date") is { } date
                ? EventDate.Normalised(date, precision ?? DatePrecision.Day)
                : old.When is { } w && precision is { } p ? EventDate.Normalised(w.Date, p) : old.When;
            data = old with
            {
                Type = request.Choice<ContactKind>("kind") ?? old.Type,
                ParticipantIds = people ?? old.ParticipantIds,
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
            if (request.Choice<ContactKind>("kind") is not { } kind || people is null || request.Text("summary") is not { } summary)
                return ValueTask.FromResult(Reply.Error("A new contact needs kind, people and summary, for example /update contact source:Reuters kind:call people:\"Macron, Trump\" date:2025-03-04 summary:\"Discussed the truce\"."));
            var date = request.Date("date");
            if (date is null && !planned)
                return ValueTask.FromResult(Reply.Error("Give the contact's date (date:2025-03-04), or planned:true if it has not happened yet."));
            data = new ContactData(kind, people, date is { } d ? EventDate.Normalised(d, precision ?? DatePrecision.Day) : null,
                planned, request.Text("place"), summary, request.Text("tone"), about is { Count: > 0 } ? about : null);
        }
        var view = log.Record(data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn: basedOn?.Id);
        return ValueTask.FromResult(replies.Recorded(view, request.Now));
    }
}
