using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/search source:TASS</c>: the standing facts citing an outlet, newest first, each saying which of its sources is that
/// outlet when it cites several; and the outlet narrowing a word search (<c>/search ceasefire source:Reuters</c>). With
/// <c>alone:true</c>, only the facts no other outlet confirms; with <c>as_of:</c> or <c>on:</c>, the outlet's facts in that
/// past view, by the sources they cited then.
/// </summary>
internal sealed class OutletSearch(FactQueries queries, FactLines lines)
{
    /// <summary>The outlet's key, or a refusal: nothing typed, or no outlet of that name (with "did you mean …?").</summary>
    /// <remarks>A past view takes any outlet a version of a fact ever cited: it may have cited it then and not now.</remarks>
    public (string? Key, Reply? Refusal) Resolve(string typed, TimeView view)
    {
        var key = OutletKeys.Key(typed);
        if (key.Length == 0) return (null, Reply.Error("Name an outlet, such as source:Reuters."));
        if (queries.CitesOutletAtAll(key) || (!view.IsNow && queries.CitedOutletEver(key))) return (key, null);
        var outlets = queries.Outlets();
        // An outlet only earlier versions of facts cited is known, but nothing cites it now.
        if (outlets.FirstOrDefault(o => OutletKeys.Of(o).Contains(key, StringComparer.Ordinal)) is { } was)
            return (null, Reply.Error($"No fact cites {was.Trim()} now; /history of a fact shows the sources it cited before."));
        var close = Closest(key, outlets);
        return (null, Reply.Error(close.Count == 0
            ? $"No source called “{Phrases.Clip(typed.Trim(), 60)}”. /sources show <id> lists the sources of a fact."
            : $"No source called “{Phrases.Clip(typed.Trim(), 60)}” — did you mean {Phrases.List(close).Replace(" and ", " or ")}?"));
    }

    /// <summary>
    /// The standing facts citing the outlet (alone), a page at a time, and how many withdrawn ones also cited it; in a past
    /// view, those standing then that cited it then, the title saying which view it is.
    /// </summary>
    public Reply List(CommandRequest request, string typed, string key, int number, int size, bool alone, TimeView view)
    {
        var name = typed.Trim();
        var page = view.IsNow ? queries.CitingOutlet(key, (number - 1) * size, size, alone)
            : Past(queries.CitingOutletAt(key, size * number, view, alone), number, size);
        var title = (alone ? $"Facts confirmed by {Phrases.Clip(name, 100)} alone" : $"Facts citing {Phrases.Clip(name, 100)}")
                    + (view.IsNow ? "" : " " + view.Describe());
        // Counting is one short walk of the outlet's withdrawn rows, capped; listing them is /search with a word. A past view
        // leaves out what was withdrawn by then as every past list does, and what was withdrawn since is not its business.
        var retracted = number == 1 && view.IsNow ? queries.RetractedCiting(key, alone) : 0;
        var cited = alone ? $"{(retracted == 1 ? "was" : "were")} also confirmed by {name} alone" : $"also cited {name}";
        var footer = retracted switch
        {
            0 => null,
            1 => $"1 retracted fact {cited}; it is not listed. A word search with source: shows withdrawn facts with that word.",
            _ => $"{(retracted > FactQueries.RetractedCountCap ? $"More than {FactQueries.RetractedCountCap}" : retracted)} retracted facts {cited}; they are not listed. A word search with source: shows withdrawn facts with that word.",
        };
        if (page.Items.Count == 0)
        {
            var none = (alone, view.IsNow) switch
            {
                (false, true) => $"No standing fact cites {name}.",
                (true, true) => $"No standing fact is confirmed by {name} alone.",
                (false, false) => $"No standing fact cited {name} {view.Describe()}.",
                (true, false) => $"No standing fact was confirmed by {name} alone {view.Describe()}.",
            };
            return new Reply(title, [new ReplySection(null, [new ReplyLine(number > 1 ? "No more facts cite it." : none)])], footer);
        }
        // Words narrow an outlet's list now and in a past view alike (PastSearch), so both offer them.
        var more = !page.More ? null
            : number == 1 ? $"Only the {size} newest are shown; {Paging.Next(request, number)} shows the next ones, or narrow with query:."
            : $"Page {number}; {Paging.Next(request, number)} shows the next ones.";
        return new Reply(title, [new ReplySection(null, Marked(page.Items, key, request.Now, view), more)], footer);
    }

    // The page asked for out of a past view's first pages (a past list is read from its start, as the other past answers are).
    private static Page<FactView> Past(Page<FactView> firstPages, int number, int size)
    {
        var (items, more) = Paging.Slice(firstPages.Items, firstPages.More, number, size);
        return new Page<FactView>(items, more);
    }

    /// <summary>
    /// The lines of <paramref name="views"/>, each naming the sources that are the outlet where its citation would not; in a
    /// past view (<paramref name="past"/>) what they are about is named as it was then.
    /// </summary>
    public List<ReplyLine> Marked(IReadOnlyList<FactView> views, string key, DateTimeOffset now, TimeView? past = null)
    {
        var marked = lines.Lines(views, now, past);
        for (var i = 0; i < views.Count; i++)
            if (Mark(views[i].Current.Provenance, key) is { } mark) marked[i] = marked[i] with { Text = marked[i].Text + mark };
        return marked;
    }

    // " — cited by TASS (disputes it)". The citation names only the first sources and sums up the rest ("Reuters and 2
    // others"), so the match is named unless it is the first source alone, which the citation already begins with.
    private static string? Mark(Provenance provenance, string key)
    {
        var sources = provenance.Sources;
        var matched = sources.Where(s => OutletKeys.Matches(s.Source, key)).ToList();
        if (sources.Count == 1 || matched.Count == 0 || (matched is [var only] && only == sources[0])) return null;
        var named = matched.Select(s => s.Source.Outlet.Trim() + (s.Stance == SourceStance.Disputes ? " (disputes it)" : "")).Distinct().ToList();
        return $" — cited by {Phrases.List(named)}";
    }

    // Outlets whose whole name, or one of its words, is a letter or two from what was typed, or begins with it.
    private static List<string> Closest(string key, IReadOnlyList<string> outlets) =>
        outlets
            .Select(o => (Outlet: o.Trim(), Distance: OutletKeys.Of(o).Min(k => k.StartsWith(key, StringComparison.Ordinal) ? 0 : Spelling.Distance(key, k))))
            .Where(o => o.Distance <= Math.Max(1, key.Length / 3))
            .OrderBy(o => o.Distance).ThenBy(o => o.Outlet, StringComparer.OrdinalIgnoreCase)
            .Take(3).Select(o => o.Outlet).ToList();
}
