using BriefingBot.Commands;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>page:</c> on the answers that list a limited number of lines: which page was asked for, and the command that shows
/// the next one, so every "only the first … are shown" says how to see the rest in words that work when typed.
/// </summary>
internal static class Paging
{
    /// <summary>The highest page an answer reads up to; lists are read from their start, so a page costs as much as all before it.</summary>
    public const int MaxPage = 200;

    public const string Option = "page";

    /// <summary>The page asked for, 1 when left out; null when it is not one (0, negative, beyond <see cref="MaxPage"/>).</summary>
    public static int? Number(CommandRequest request) =>
        request.Number(Option) switch { null => 1, >= 1 and <= MaxPage and var n => (int)n, _ => null };

    public static Reply Refusal => Reply.Error($"page counts from 1 (the first lines) up to {MaxPage}.");

    /// <summary>The page's lines out of the first <c>number × size</c>, and whether more follow.</summary>
    public static (IReadOnlyList<T> Items, bool More) Slice<T>(IReadOnlyList<T> firstPages, bool more, int number, int size) =>
        (firstPages.Skip((number - 1) * size).Take(size).ToList(), more || firstPages.Count > number * size);

    /// <summary>The command as it was asked, with the next page: "/contacts person:Zelensky page:2".</summary>
    public static string Next(CommandRequest request, int number)
    {
        var options = request.Invocation.Options.Where(o => o.Key != Option && o.Key != "graph")
            .Select(o => $"{o.Key}:{(o.Value.Contains(' ') || o.Value.Length == 0 ? $"\"{o.Value}\"" : o.Value)}");
        return string.Join(' ', [request.Invocation.CommandText, .. options, $"{Option}:{number + 1}"]);
    }

    /// <summary>"Only the 15 most recent are shown; /contacts page:2 shows more, or narrow with …" on page 1; "Page 2; …" after.</summary>
    public static string? More(CommandRequest request, bool more, int number, int shown, string what, string narrow) =>
        !more ? null
        : number == 1 ? $"Only the {shown} {what} are shown; {Next(request, number)} shows the next ones, or narrow with {narrow}."
        : $"Page {number}; {Next(request, number)} shows the next ones.";
}
