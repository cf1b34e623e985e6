using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>
/// <c>/update aid</c>: sets where an aid stream stands. A stream is one donor, recipient and category, so naming those
/// three changes the existing stream rather than adding a second one.
/// </summary>
public sealed class AidUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update aid";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var donor = request.Actor("donor");
        var recipient = request.Actor("recipient");
        var category = request.Choice<AidCategory>("category");
        var id = request.Fact("id");
        if (id is null && donor is not null && recipient is not null && category is not null)
            id = queries.Aid(new AidFilter(donor.Id, recipient.Id, category), 1).Items is [var stream, ..] ? stream.Code : null;

        // As typed (a day, a week, a month); else when the change took effect, the source's date, or today.
        var since = request.Period("since") ?? request.Period("effective")
            ?? EventDate.Day(request.Date("source_date") ?? request.Today);
        AidData data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not AidData old)
                return ValueTask.FromResult(Reply.Error($"There is no aid stream {code}; /aid lists them with their ids."));
            var status = request.Choice<AidStatus>("status") ?? old.Status;
            data = old with
            {
                DonorId = donor?.Id ?? old.DonorId,
                RecipientId = recipient?.Id ?? old.RecipientId,
                Category = category ?? old.Category,
                Status = status,
                Since = status != old.Status || request.Has("since") ? since : old.Since,
                Amount = request.Text("amount") ?? old.Amount,
                Note = request.Text("note") ?? (status != old.Status ? null : old.Note),
            };
        }
        else
        {
            if (donor is null || recipient is null || category is null || request.Choice<AidStatus>("status") is not { } status)
                return ValueTask.FromResult(Reply.Error("A new aid stream needs donor, recipient, category and status, for example /update aid source:Reuters donor:\"United States\" recipient:Ukraine category:military status:resumed."));
            data = new AidData(donor.Id, recipient.Id, category.Value, status, since,
                request.Text("amount"), request.Text("note"));
        }
        var view = log.Record(data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn: basedOn?.Id);
        return ValueTask.FromResult(replies.Recorded(view, request.Now));
    }
}
