using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update proposal</c>: adds a proposal or changes its name, status, sponsors or summary.</summary>
public sealed class ProposalUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update proposal";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Fact("id");
        ProposalData data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not ProposalData old)
                return ValueTask.FromResult(Reply.Error($"There is no proposal {code}; /terms names the proposals."));
            data = old with
            {
                Name = request.Text("name") ?? old.Name,
                Status = request.Choice<ProposalStatus>("status") ?? old.Status,
                SponsorIds = request.Actors("sponsors")?.Select(a => a.Id).ToList() ?? old.SponsorIds,
                Summary = request.Text("summary") ?? old.Summary,
            };
        }
        else
        {
            if (request.Text("name") is not { } name || request.Actors("sponsors") is not { Count: > 0 } sponsors)
                return ValueTask.FromResult(Reply.Error("A new proposal needs name and sponsors, for example /update proposal source:Reuters name:\"Ceasefire plan\" sponsors:\"France, United Kingdom\"."));
            data = new ProposalData(name, request.Choice<ProposalStatus>("status") ?? ProposalStatus.Proposed,
                sponsors.Select(a => a.Id).ToList(), request.Text("summary"));
        }
        var view = log.Record(data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn: basedOn?.Id);
        return ValueTask.FromResult(replies.Recorded(view, request.Now));
    }
}
