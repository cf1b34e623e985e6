using BriefingBot.Commands;
using BriefingBot.Knowledge;

namespace BriefingBot.Answers;

/// <summary>
/// What an empty answer as known on a day (<c>as_of</c> alone) says: a desk catching up on a backlog records in November
/// what happened in March, so "nothing was known" is true of the record and useless for the question; the same command
/// with <c>on</c> asks how things stood in the world that day.
/// </summary>
internal static class RecordedLater
{
    /// <summary>"Facts recorded later but dated earlier: /contacts person:Ukraine on:2025-03-12 shows …", or null outside an as_of view.</summary>
    public static string? Hint(CommandRequest request, TimeView view)
    {
        if (view is not { On: null, AsOf: { } asOf }) return null;
        var options = request.Invocation.Options.Where(o => o.Key is not ("as_of" or "on" or Paging.Option or "graph"))
            .Select(o => $"{o.Key}:{(o.Value.Contains(' ') || o.Value.Length == 0 ? $"\"{o.Value}\"" : o.Value)}");
        var command = string.Join(' ', [request.Invocation.CommandText, .. options, $"on:{DateInput.Canonical(asOf)}"]);
        return $"That is the record as it stood then. For facts recorded later but dated earlier, {command} shows how things stood in the world that day.";
    }
}
