using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/terms [proposal] [as_of] [on]</c>: a proposal's terms now, as known at the end of a day, or as they stood on a day.</summary>
public sealed class TermsAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "terms";

    /// <summary>How many statements, and contacts, about the proposal follow its terms.</summary>
    public const int LinkedLines = 3;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var view = request.View();
        var when = view.IsNow ? "" : " " + view.Describe();
        var chosen = request.Proposal("proposal");
        if (chosen is { Current.Retracted: true } && view.AsOf is null)
            return ValueTask.FromResult(Reply.Error(
                $"{chosen.Code} was retracted. /history {chosen.Code} shows why; /terms proposal:{chosen.Code} as_of:<date> shows what was known before."));
        var proposal = chosen is null ? queries.NewestProposalAt(view)
            : queries.GetAt(chosen.Code, view) is { Current.Retracted: false } known ? known : null;
        if (proposal is null)
            return ValueTask.FromResult(Nothing(chosen, view));
        var data = (ProposalData)proposal.Data;
        var head = new List<ReplyLine> { lines.Line(proposal.Current, request.Now) };
        if (!string.IsNullOrWhiteSpace(data.Summary)) head.Add(new ReplyLine(data.Summary));
        var terms = queries.TermsAt(proposal.Current.FactId, view);
        var max = options.Value.MaxLines * 2;
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var shownTerms = terms.Skip((number - 1) * max).Take(max).ToList();
        var termLines = shownTerms.Select(t => lines.Line(t.Current, request.Now)).ToList();
        if (termLines.Count == 0)
            termLines.Add(new ReplyLine(number > 1 && terms.Count > 0 ? "No more terms." : "No terms recorded" + (view.IsNow ? " yet." : "," + when + ".")));
        var after = terms.Count - (number - 1) * max - shownTerms.Count;
        var more = after > 0 ? $"… and {after} more terms; {Paging.Next(request, number)} lists them." : null;
        // Only proposals known then (and in effect then): an answer about a past day must not name one tabled later.
        var others = queries.ProposalsAt(4, view).Where(p => p.Current.FactId != proposal.Current.FactId).Take(3)
            .Select(p => $"{((ProposalData)p.Data).Name} ({p.Code})").ToList();
        var footer = others.Count > 0 ? $"Other proposals include {Phrases.List(others, 5)}. Ask /terms proposal:<name or id>." : null;
        var sections = new List<ReplySection> { new(null, head), new("Terms", termLines, more) };
        // What was said and discussed about it, in the view asked: in a past view, what was known, or stood, then.
        var again = (view.AsOf is { } asOf ? " as_of:" + DateInput.Canonical(asOf) : "") + (view.On is { } on ? " on:" + DateInput.Canonical(on) : "");
        foreach (var (kind, heading, ask) in new[]
                 {
                     (FactKinds.Get<StatementFact>(), "Latest statements about it", $"/statements about:{proposal.Code}{again} lists them all."),
                     (FactKind.Contact, "Latest contacts about it", null),
                 })
        {
            var page = queries.AboutAt(proposal.Current.FactId, kind, LinkedLines, view);
            if (page.Items.Count > 0)
                sections.Add(new ReplySection(heading, lines.Lines(page.Items, request.Now, view),
                    page.More ? ask ?? "Older contacts about it are not shown." : null));
        }
        return ValueTask.FromResult(new Reply($"Terms of the {data.Name} ({proposal.Code}){when}", sections, footer));
    }

    // Nothing in that view: say which view, and when the record knew nothing yet of a fact that held then, point to on:.
    private Reply Nothing(FactView? chosen, TimeView view)
    {
        var what = chosen is null ? "any proposal" : chosen.Code.ToString();
        if (view.IsNow) return new Reply("No proposal has been recorded yet.", [], "Moderators add one with /update proposal.");
        var title = view.On is { } on
            ? $"Nothing about {what} stood {TimeView.When(on)}" + (view.AsOf is { } known ? $", as known {TimeView.When(known)}." : ".")
            : $"Nothing was known about {what} {TimeView.When(view.AsOf!)}.";
        var hint = view.On is null ? "Try a later as_of date, or leave it out for what stands now." : "Try a later on date, or leave it out for what stands now.";
        if (view is { On: null, AsOf: { } asOf } && chosen is not null && queries.GetAt(chosen.Code, new TimeView(On: asOf)) is not null)
            hint = $"It was recorded later, dated earlier: /terms proposal:{chosen.Code} on:{DateInput.Canonical(asOf)} shows how it stood in the world that day.";
        return new Reply(title, [], hint);
    }
}
