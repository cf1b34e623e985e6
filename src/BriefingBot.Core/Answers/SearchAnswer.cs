using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/search query [source] [alone] [as_of] [on]</c>: the best matches among recent facts that contain every word; with
/// <c>source:</c>, only those citing that outlet (<c>alone:true</c>: that no other outlet confirms), and with <c>source:</c>
/// without words every standing fact citing it, newest first, now or in a past view (<see cref="OutletSearch"/>).
/// </summary>
public sealed class SearchAnswer(FactQueries queries, FactLines lines, Briefing.NetChangeLines changeLines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    private readonly OutletSearch _outlets = new(queries, lines);
    private readonly PastSearch _past = new(queries, lines, changeLines, new OutletSearch(queries, lines));

    public string Path => "search";

    /// <summary>How many retracted facts a search lists after what stands.</summary>
    public const int WithdrawnLines = 5;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var query = request.Text("query");
        var source = request.Text("source");
        if (query is null && source is null)
            return ValueTask.FromResult(Reply.Error($"/search needs query or source. Usage: {CommandCatalogue.Find([Path])!.Usage("/")}"));
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var alone = request.Flag("alone") == true;
        var view = request.View();
        var size = options.Value.MaxLines;
        if (Refusal(source, alone) is { } refused) return ValueTask.FromResult(refused);
        string? outlet = null;
        if (source is not null)
        {
            var (key, refusal) = _outlets.Resolve(source, view);
            if (refusal is not null) return ValueTask.FromResult(refusal);
            outlet = key;
            if (query is null) return ValueTask.FromResult(_outlets.List(request, source, key!, number, size, alone, view));
        }
        // Words in a past view: what matched then, by the words each fact had then; with source, of the facts citing it then.
        if (query is not null && !view.IsNow)
            return ValueTask.FromResult(FactQueries.SearchWords(query) is { Count: > 0 } said
                ? _past.Answer(request, query, said, number, size, view, outlet is null ? null : (source!, outlet, alone))
                : Reply.Error("Search for at least one word, such as /search truce."));
        var words = FactQueries.SearchWords(query!);
        if (words.Count == 0) return ValueTask.FromResult(Reply.Error("Search for at least one word, such as /search truce."));
        // Narrowed to an outlet, the matches come newest first, as the outlet's own list does (OutletSearch).
        var page = outlet is null ? Best(words, number, size) : queries.SearchCiting(words, outlet, (number - 1) * size, size, alone);
        var citing = source is null ? null : alone ? $"confirmed by {Phrases.Clip(source.Trim(), 100)} alone" : $"citing {Phrases.Clip(source.Trim(), 100)}";
        var title = $"Search: {Phrases.Clip(query!, 100)}" + (citing is null ? "" : ", " + citing);
        // A claim that was withdrawn is found as withdrawn, with who retracted it, when and why: a reader who saw it
        // before must not conclude from "nothing matches" that it was never said.
        var withdrawn = queries.SearchWithdrawn(words, WithdrawnLines + 1, outlet, alone);
        var withdrawnSection = withdrawn.Count == 0 ? null : new ReplySection("Withdrawn: these were retracted and no longer hold",
            withdrawn.Take(WithdrawnLines).Select(r => changeLines.Withdrawn(r.Current, request.Now)).ToList(),
            withdrawn.Count > WithdrawnLines ? "More retracted facts match; add a word to narrow it." : null);
        if (page.Items.Count == 0 && number > 1)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [new ReplyLine("No more matches.")])]));
        if (page.Items.Count == 0)
            return ValueTask.FromResult(withdrawnSection is null
                ? new Reply(title, [new ReplySection(null, [new ReplyLine(citing is null ? "Nothing matches every word." : $"Nothing {citing} matches every word.")])], "Try fewer or other words.")
                : new Reply(title, [new ReplySection(null, [new ReplyLine("Nothing that stands matches every word.")]), withdrawnSection]));
        var more = !page.More ? null
            : outlet is null ? $"More facts match; these are the best of the {FactQueries.SearchWindow} most recent. {Paging.Next(request, number)} shows the next ones, or add a word to narrow it."
            : $"More facts match; these are the newest. {Paging.Next(request, number)} shows the next ones, or add a word to narrow it.";
        var found = outlet is null ? lines.Lines(page.Items, request.Now) : _outlets.Marked(page.Items, outlet, request.Now);
        var sections = new List<ReplySection> { new(null, found, more) };
        if (withdrawnSection is not null) sections.Add(withdrawnSection);
        return ValueTask.FromResult(new Reply(title, sections));
    }

    // alone: narrows an outlet's facts. A past view goes with words or an outlet, or both; /search needs one or the other.
    private static Reply? Refusal(string? source, bool alone) =>
        source is null && alone ? Reply.Error("alone:true goes with source:, the outlet that alone confirms: /search source:\"Kremlin readout\" alone:true.")
        : null;

    // The page asked for out of the best of the newest matches, ranked.
    private Page<FactView> Best(IReadOnlyList<string> words, int number, int size)
    {
        var read = queries.Search(words, size * number);
        var (items, more) = Paging.Slice(read.Items, read.More, number, size);
        return new Page<FactView>(items, more);
    }
}
