using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/statements [person] [about] [since] [stance] [as_of] [on]</c>: what people said, newest first, now or in a past view. Shaped like /contacts (person,
/// since) so members need learn nothing new, plus the two questions a desk asks of statements: about which proposal,
/// and for or against.
/// </summary>
public sealed class StatementsAnswer(FactQueries queries, FactLines lines, RepresentedBy represented, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "statements";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var person = request.Actor("person");
        var about = request.Proposal("about");
        var since = request.Date("since");
        var stanceWord = request.Text("stance");
        Stance? stance = stanceWord is null ? null : Vocabulary.Parse<Stance>(stanceWord);
        // A state or organisation speaks through the people who represent it in the view asked, as in /contacts; the answer names them.
        if (SinceRange.View(request, recorded: false, out var refused) is not { } view) return ValueTask.FromResult(refused!);
        var through = represented.Of(person, view);
        var representatives = through.Select(r => r.Id).ToList();
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var size = options.Value.MaxLines;
        var read = queries.StatementsAt(new StatementFilter(person?.Id, about?.Current.FactId, since, stance, representatives), size * number, view);
        var page = Paging.Slice(read.Items, read.More, number, size);
        var including = person is null ? null : represented.Note("statements of", person, through, view);

        var title = "Statements"
                    + (person is null ? "" : $" by {person.Display}")
                    + (about is null ? "" : " about " + lines.AboutName(about, view))
                    + (stance is { } st ? $" (stance: {StatementFact.Phrase(st)})" : "")
                    + (since is { } s ? $" since {Phrases.Date(s)}" : "")
                    + (view.IsNow ? "" : " " + view.Describe());
        var factLines = lines.Lines(page.Items, request.Now, view);
        if (factLines.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [.. including is null ? [] : new[] { including }, new ReplyLine("None recorded.")])],
                view.IsNow ? "Moderators record statements with /update statement." : RecordedLater.Hint(request, view)));
        if (including is not null) factLines.Insert(0, including);
        var more = Paging.More(request, page.More, number, factLines.Count, "most recent", "person:, about:, since: or stance:");
        return ValueTask.FromResult(new Reply(title, [new ReplySection(null, factLines, more)]));
    }
}
