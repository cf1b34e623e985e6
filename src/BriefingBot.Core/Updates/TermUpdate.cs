using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update term</c>: adds a term to a proposal or changes one's topic, wording or status.</summary>
public sealed class TermUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update term";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Fact("id");
        TermData data;
        Revision? basedOn = null;
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not TermData old)
                return ValueTask.FromResult(Reply.Error($"There is no term {code}; /terms lists them with their ids."));
            // proposal: with an id moves the term; the revision records it and /history says "moved from P1 to P3".
            var moveTo = request.Proposal("proposal");
            if (moveTo is { Current.Retracted: true })
                return ValueTask.FromResult(Reply.Error($"{moveTo.Code} was retracted; a term cannot move there."));
            data = old with
            {
                ProposalId = moveTo?.Current.FactId ?? old.ProposalId,
                Topic = request.Text("topic") ?? old.Topic,
                Text = request.Text("text") ?? old.Text,
                Status = request.Choice<TermStatus>("status") ?? old.Status,
            };
        }
        else
        {
            var proposal = request.Proposal("proposal") ?? (queries.Proposals(1) is { More: false, Items: [var only] } ? only : null);
            if (proposal is null)
                return ValueTask.FromResult(Reply.Error("Say which proposal the term belongs to, with proposal:P1 or its name."));
            if (request.Text("topic") is not { } topic || request.Text("text") is not { } text)
                return ValueTask.FromResult(Reply.Error("A new term needs topic and text, for example /update term source:Reuters topic:Duration text:\"One month\"."));
            data = new TermData(proposal.Current.FactId, topic, text, request.Choice<TermStatus>("status") ?? TermStatus.Proposed);
        }
        var view = log.Record(data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn: basedOn?.Id);
        return ValueTask.FromResult(replies.Recorded(view, request.Now));
    }
}
