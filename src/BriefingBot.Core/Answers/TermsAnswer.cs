using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/terms [proposal] [as_of]</c>: a proposal's terms now, or as they were known at the end of a day.</summary>
public sealed class TermsAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "terms";

    /// <summary>How many statements, and contacts, about the proposal follow its terms.</summary>
    public const int LinkedLines = 3;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var asOfDate = request.Date("as_of");
        DateTimeOffset? asOf = asOfDate is { } d ? DateInput.EndOfDay(d) : null;
        var when = asOfDate is { } day ? $" as known on {Phrases.Date(day)}" : "";
        var chosen = request.Proposal("proposal");
        if (chosen is { Current.Retracted: true } && asOf is null)
            return ValueTask.FromResult(Reply.Error(
                $"{chosen.Code} was retracted. /history {chosen.Code} shows why; /terms proposal:{chosen.Code} as_of:<date> shows what was known before."));
        var proposal = chosen is null ? queries.NewestProposal(asOf)
            : queries.Get(chosen.Code, asOf) is { Current.Retracted: false } known ? known : null;
        if (proposal is null)
        {
            var what = chosen is null ? "any proposal" : chosen.Code.ToString();
            var title = asOfDate is { } on ? $"Nothing was known about {what} on {Phrases.Date(on)}." : "No proposal has been recorded yet.";
            return ValueTask.FromResult(new Reply(title, [],
                asOfDate is null ? "Moderators add one with /update proposal." : "Try a later as_of date, or leave it out for what stands now."));
        }
        var data = (ProposalData)proposal.Data;
        var head = new List<ReplyLine> { lines.Line(proposal.Current, request.Now) };
        if (!string.IsNullOrWhiteSpace(data.Summary)) head.Add(new ReplyLine(data.Summary));
        var terms = queries.Terms(proposal.Current.FactId, asOf);
        var max = options.Value.MaxLines * 2;
        var termLines = terms.Take(max).Select(t => lines.Line(t.Current, request.Now)).ToList();
        if (termLines.Count == 0) termLines.Add(new ReplyLine("No terms recorded" + (asOfDate is null ? " yet." : when + ".")));
        var more = terms.Count > max ? $"… and {terms.Count - max} more terms" : null;
        // Only proposals known then: an answer as of a day must not name one tabled later.
        var others = queries.Proposals(4, asOf).Where(p => p.Current.FactId != proposal.Current.FactId).Take(3)
            .Select(p => $"{((ProposalData)p.Data).Name} ({p.Code})").ToList();
        var footer = others.Count > 0 ? $"Other proposals include {Phrases.List(others, 5)}. Ask /terms proposal:<name or id>." : null;
        var sections = new List<ReplySection> { new(null, head), new("Terms", termLines, more) };
        // What was said and discussed about it, for the answer of now only: links are kept for the current state.
        if (asOf is null)
            foreach (var (kind, heading, ask) in new[]
                     {
                         (FactKinds.Get<StatementFact>(), "Latest statements about it", $"/statements about:{proposal.Code} lists them all."),
                         (FactKind.Contact, "Latest contacts about it", null),
                     })
            {
                var page = queries.About(proposal.Current.FactId, kind, LinkedLines);
                if (page.Items.Count > 0)
                    sections.Add(new ReplySection(heading, lines.Lines(page.Items, request.Now),
                        page.More ? ask ?? "Older contacts about it are not shown." : null));
            }
        return ValueTask.FromResult(new Reply($"Terms of the {data.Name} ({proposal.Code}){when}", sections, footer));
    }
}
