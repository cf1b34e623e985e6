using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Commands;

/// <summary>The command a person typed, split into its path words and <c>name:value</c> options.</summary>
public sealed record ParsedCommandText(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options);

/// <summary>
/// Reads commands typed as in a chat app's slash commands, <c>/contacts person:Macron since:2025-03-01</c>, with quotes
/// around values that hold spaces (<c>donor:"United States"</c>). Shared by the terminal and any door that receives
/// a command as text.
/// </summary>
public static class CommandTextParser
{
    public const int MaxLength = 4000;

    public static bool TryParse(string text, out ParsedCommandText parsed, out string error)
    {
        parsed = new ParsedCommandText([], new Dictionary<string, string>());
        error = "";
        if (text.Length > MaxLength)
        {
            error = $"That command is {text.Length:N0} characters long; the limit is {MaxLength:N0}.";
            return false;
        }
        var tokens = new List<(string? Name, string Value)>();
        var lastUnquoted = false;
        var i = 0;
        text = text.Trim();
        if (text.StartsWith('/')) i = 1;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            string? name = null;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ':' && text[i] is not ('"' or '“' or '”')) i++;
            if (i < text.Length && text[i] == ':' && i > start)
            {
                name = text[start..i].ToLowerInvariant();
                i++;
            }
            else i = start;
            var quoted = i < text.Length && text[i] is '"' or '“' or '”';
            if (!TryReadValue(text, ref i, out var value, out error)) return false;
            // "since:11 March 2025" typed without quotes: the words that go on with a date join the option before them.
            if (name is null && tokens.Count > 0 && tokens[^1] is { Name: not null } last && lastUnquoted && DateGoesOn(last.Value, value))
            {
                tokens[^1] = (last.Name, last.Value + " " + value);
                continue;
            }
            lastUnquoted = !quoted;
            tokens.Add((name, value));
        }
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in tokens)
        {
            if (name is null) { words.Add(value); continue; }
            if (!options.TryAdd(name, value))
            {
                error = $"The option {Replies.Phrases.Clip(name, 40)} is given twice; give it once.";
                return false;
            }
        }
        parsed = new ParsedCommandText(words, options);
        return true;
    }

    // A date's first words ("11", "11th", "March", "3", "23..25", "23–25") and what may follow them ("March", "2025",
    // "days", "ago"). Nothing else joins: "/contacts person:Macron March" still asks what "March" means.
    private static bool DateGoesOn(string sofar, string next)
    {
        var words = sofar.Split(' ');
        var first = words[0].ToLowerInvariant();
        var startsDate = Regex.IsMatch(first, @"^\d{1,2}(st|nd|rd|th)?(\.\.\d{1,2}|[–—-]\d{1,2})?$") || Months.Contains(first);
        var word = next.ToLowerInvariant().TrimEnd(',');
        return startsDate && words.Length < 4
               && (Months.Contains(word) || Regex.IsMatch(word, @"^\d{4}$") || (words.Length == 1 && Regex.IsMatch(word, @"^\d{1,2}(st|nd|rd|th)?,?$"))
                   || word is "day" or "days" or "week" or "weeks" or "month" or "months" or "year" or "years" or "ago");
    }

    private static readonly HashSet<string> Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private static bool TryReadValue(string text, ref int i, out string value, out string error)
    {
        error = "";
        var sb = new StringBuilder();
        if (i < text.Length && text[i] is '"' or '“' or '”')
        {
            // A value opened with a straight quote ends at a straight quote, one opened with a curly quote at a curly
            // quote, so quotes of the other kind can stand inside: text:"A “partial” truce".
            var straight = text[i] == '"';
            i++;
            while (i < text.Length && !(straight ? text[i] == '"' : text[i] is '”' or '“'))
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"') i++;
                sb.Append(text[i++]);
            }
            if (i >= text.Length)
            {
                value = "";
                error = "A quote is not closed; put a \" at the end of the value.";
                return false;
            }
            i++;
        }
        else
        {
            while (i < text.Length && !char.IsWhiteSpace(text[i])) sb.Append(text[i++]);
        }
        value = sb.ToString();
        return true;
    }
}
