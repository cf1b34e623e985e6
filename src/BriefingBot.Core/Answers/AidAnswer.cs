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
        var page = queries.AidAt(new AidFilter(donor?.Id, recipient?.Id, category), options.Value.MaxLines, view);
        var title = (category is { } c ? Humanizer.StringHumanizeExtensions.Humanize(Vocabulary.Phrase(c), Humanizer.LetterCasing.Sentence) + " aid" : "Aid")
                    + (donor is null ? "" : $" from {donor.Display}")
                    + (recipient is null ? "" : $" to {recipient.Display}")
                    + (view.IsNow ? "" : " " + view.Describe());
        var factLines = page.Items.Select(a => lines.Line(a.Current, request.Now)).ToList();
        if (factLines.Count == 0) factLines.Add(new ReplyLine(view.IsNow ? "No aid streams recorded." : "No aid streams, " + view.Describe() + "."));
        var more = page.More ? $"Only the {page.Items.Count} most recent are shown; narrow with donor:, recipient: or category:." : null;
        return ValueTask.FromResult(new Reply(title, [new ReplySection(null, factLines, more)]));
    }
}
