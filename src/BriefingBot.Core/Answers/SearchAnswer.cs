using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/search query</c>: the best matches among recent facts that contain every word.</summary>
public sealed class SearchAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "search";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var query = request.Text("query")!;
        var words = FactQueries.SearchWords(query);
        if (words.Count == 0) return ValueTask.FromResult(Reply.Error("Search for at least one word, such as /search truce."));
        var page = queries.Search(words, options.Value.MaxLines);
        var title = $"Search: {Phrases.Clip(query, 100)}";
        if (page.Items.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [new ReplyLine("Nothing matches every word.")])],
                "Try fewer or other words."));
        var more = page.More ? $"More facts match; these are the best of the {FactQueries.SearchWindow} most recent. Add a word to narrow it." : null;
        return ValueTask.FromResult(new Reply(title,
            [new ReplySection(null, lines.Lines(page.Items, request.Now), more)]));
    }
}
