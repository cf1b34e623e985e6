using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/search words as_of:… on:…</c>: what matched the words as known on a day, or as things stood on a day: each fact in the
/// version the view shows, by the words it had then; claims withdrawn by then are listed as withdrawn, as now.
/// </summary>
internal sealed class PastSearch(FactQueries queries, FactLines lines, Briefing.NetChangeLines changeLines)
{
    public Reply Answer(CommandRequest request, string query, IReadOnlyList<string> words, int number, int size, TimeView view)
    {
        var title = $"Search: {Phrases.Clip(query, 100)} {view.Describe()}";
        var (page, withdrawn) = queries.SearchAt(words, view, (number - 1) * size, size);
        var withdrawnSection = withdrawn.Count == 0 ? null : new ReplySection(view.On is null
                ? $"Withdrawn {view.Describe()}: these had been retracted by then"
                : "Withdrawn: these were retracted, so they held on no day",
            withdrawn.Take(SearchAnswer.WithdrawnLines).Select(r => changeLines.Withdrawn(r.Current, request.Now)).ToList(),
            withdrawn.Count > SearchAnswer.WithdrawnLines ? "More retracted facts match; add a word to narrow it." : null);
        if (page.Items.Count == 0)
        {
            var none = new ReplySection(null, [new ReplyLine(number > 1 ? "No more matches." : withdrawnSection is null
                ? $"Nothing matched every word {view.Describe()}." : $"Nothing that stood matched every word {view.Describe()}.")]);
            return withdrawnSection is null || number > 1 ? new Reply(title, [none]) : new Reply(title, [none, withdrawnSection]);
        }
        var more = page.More ? $"More facts matched, newest first; {Paging.Next(request, number)} shows the next ones, or add a word to narrow it." : null;
        var sections = new List<ReplySection> { new(null, lines.Lines(page.Items, request.Now, view), more) };
        if (withdrawnSection is not null && number == 1) sections.Add(withdrawnSection);
        return new Reply(title, sections);
    }
}
