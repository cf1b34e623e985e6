namespace BriefingBot.Knowledge;

/// <summary>How one piece of a fact changed, in words: the part of a text that changed, or a value that moved.</summary>
public static class TextChange
{
    /// <summary>
    /// "“…lasting one month.” became “…lasting two months.”" when most words stayed; "was “…”, now “…”" when the text was
    /// rewritten (quoting a fragment of a rewrite would hide what it now says); null when it is the same.
    /// </summary>
    public static string? Text(string before, string after, string? label = null)
    {
        if (before == after) return null;
        var lead = label is null ? "" : label + ": ";
        if (after.Length == 0) return $"{lead}removed (was “{before}”)";
        if (before.Length == 0) return $"{lead}added “{after}”";
        return Part(before, after) is { } part ? lead + part : $"{lead}was “{before}”, now “{after}”";
    }

    /// <summary>"was proposed, now disputed" for a value that moved, or null when it did not; "since: was …, now …" with a label.</summary>
    public static string? Value(string? before, string? after, string? label = null)
    {
        if (before == after) return null;
        var lead = label is null ? "" : label + ": ";
        return (before, after) switch
        {
            (null or "", _) => $"{lead}now {after}",
            (_, null or "") => $"{lead}was {before}, now none",
            _ => $"{lead}was {before}, now {after}",
        };
    }

    /// <summary>The changed run of words with one word of context either side, or null when under half the words stayed.</summary>
    /// <remarks>One run between the common start and end is what a reader can take in; a word-level diff library would
    /// find several runs, which read worse in one line than the whole sentence.</remarks>
    public static string? Part(string before, string after)
    {
        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;
        if ((start + end) * 2 < Math.Max(a.Length, b.Length)) return null;
        var from = Math.Max(0, start - 1);
        string Run(string[] words) =>
            (from > 0 ? "…" : "") + string.Join(' ', words[from..Math.Min(words.Length, words.Length - end + 1)]) + (end > 1 ? "…" : "");
        return $"“{Run(a)}” became “{Run(b)}”";
    }

    /// <summary>Who joined and who left a list of actors: "added Mike Waltz; no longer Andriy Yermak", or null when the same.</summary>
    public static string? People(IEnumerable<long> before, IEnumerable<long> after, Func<long, string> name, string? label = null)
    {
        var (was, now) = (before.Distinct().ToList(), after.Distinct().ToList());
        var added = now.Except(was).Select(name).ToList();
        var removed = was.Except(now).Select(name).ToList();
        if (added.Count == 0 && removed.Count == 0) return null;
        var lead = label is null ? "" : label + ": ";
        var parts = new List<string>();
        if (added.Count > 0) parts.Add("added " + Replies.Phrases.List(added, 10));
        if (removed.Count > 0) parts.Add("no longer " + Replies.Phrases.List(removed, 10));
        return lead + string.Join(", ", parts);
    }

    /// <summary>The parts that changed, "; "-separated, or null when none did.</summary>
    public static string? Join(params string?[] parts)
    {
        var said = parts.Where(p => p is not null).ToList();
        return said.Count == 0 ? null : string.Join("; ", said);
    }
}
