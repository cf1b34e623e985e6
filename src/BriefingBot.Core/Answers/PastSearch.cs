using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/search words as_of:… on:…</c>: what matched the words as known on a day, or as things stood on a day: each fact in the
/// version the view shows, by the words it had then; claims withdrawn by then are listed as withdrawn, as now.
/// </summary>
internal sealed class PastSearch(FactQueries queries, FactLines lines, Briefing.NetChangeLines changeLines, OutletSearch outlets)
{
    /// <param name="source">The outlet as typed, its key and whether it alone confirms, when the search narrows to one.</param>
    public Reply Answer(CommandRequest request, string query, IReadOnlyList<string> words, int number, int size, TimeView view,
        (string Typed, string Key, bool Alone)? source = null)
    {
        var citing = source is not { } s ? null : s.Alone ? $"confirmed by {Phrases.Clip(s.Typed.Trim(), 100)} alone" : $"citing {Phrases.Clip(s.Typed.Trim(), 100)}";
        var title = $"Search: {Phrases.Clip(query, 100)}{(citing is null ? "" : $", {citing},")} {view.Describe()}";
        var nothing = citing is null ? "Nothing" : $"Nothing {citing}";
        var (page, withdrawn) = queries.SearchAt(words, view, (number - 1) * size, size, source?.Key, source?.Alone ?? false);
        var withdrawnSection = withdrawn.Count == 0 ? null : new ReplySection(view.On is null
                ? $"Withdrawn {view.Describe()}: these had been retracted by then"
                : "Withdrawn: these were retracted, so they held on no day",
            withdrawn.Take(SearchAnswer.WithdrawnLines).Select(r => changeLines.Withdrawn(r.Current, request.Now)).ToList(),
            withdrawn.Count > SearchAnswer.WithdrawnLines ? "More retracted facts match; add a word to narrow it." : null);
        if (page.Items.Count == 0)
        {
            var none = new ReplySection(null, [new ReplyLine(number > 1 ? "No more matches." : withdrawnSection is null
                ? $"{nothing} matched every word {view.Describe()}." : $"{nothing} that stood matched every word {view.Describe()}.")]);
            return withdrawnSection is null || number > 1 ? new Reply(title, [none]) : new Reply(title, [none, withdrawnSection]);
        }
        var more = page.More ? $"More facts matched, newest first; {Paging.Next(request, number)} shows the next ones, or add a word to narrow it." : null;
        // Narrowed to an outlet, each line names which of its sources is the outlet where its citation would not, as now.
        var found = source is { } o ? outlets.Marked(page.Items, o.Key, request.Now, view) : lines.Lines(page.Items, request.Now, view);
        var sections = new List<ReplySection> { new(null, found, more) };
        if (withdrawnSection is not null && number == 1) sections.Add(withdrawnSection);
        return new Reply(title, sections);
    }
}
