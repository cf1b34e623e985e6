using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/aid [donor] [recipient] [category] [as_of] [on]</c>: where each aid stream stands, stood, or was known to stand.</summary>
public sealed class AidAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "aid";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var donor = request.Actor("donor");
        var recipient = request.Actor("recipient");
        var category = request.Choice<AidCategory>("category");
        var view = request.View();
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var size = options.Value.MaxLines;
        var read = queries.AidAt(new AidFilter(donor?.Id, recipient?.Id, category), size * number, view);
        var page = Paging.Slice(read.Items, read.More, number, size);
        var title = (category is { } c ? Humanizer.StringHumanizeExtensions.Humanize(Vocabulary.Phrase(c), Humanizer.LetterCasing.Sentence) + " aid" : "Aid")
                    + (donor is null ? "" : $" from {donor.Display}")
                    + (recipient is null ? "" : $" to {recipient.Display}")
                    + (view.IsNow ? "" : " " + view.Describe());
        var factLines = page.Items.Select(a => lines.Line(a.Current, request.Now)).ToList();
        if (factLines.Count == 0) factLines.Add(new ReplyLine(view.IsNow ? "No aid streams recorded." : "No aid streams, " + view.Describe() + "."));
        var more = Paging.More(request, page.More, number, page.Items.Count, "most recent", "donor:, recipient: or category:");
        return ValueTask.FromResult(new Reply(title, [new ReplySection(null, factLines, more)], page.Items.Count == 0 ? RecordedLater.Hint(request, view) : null));
    }
}
