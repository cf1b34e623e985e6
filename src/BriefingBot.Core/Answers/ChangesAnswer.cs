using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/changes [since] [page] [as_of]</c>: the audit log: every revision with who made it, when and why; with as_of, as it stood at the end of that day.</summary>
public sealed class ChangesAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "changes";

    /// <summary>How many changes one page lists.</summary>
    public static int PageSize(IOptions<KnowledgeOptions> options) => options.Value.MaxLines * 2;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // With as_of, the log as it stood at the end of that day: what a past briefing's reader could have read then.
        // since: a range (between two days) asks for the log as it stood at the end of its last day.
        if (SinceRange.View(request, recorded: true, out var refused) is not { } view) return ValueTask.FromResult(refused!);
        var asOf = view.AsOf is { } known ? request.Desk.EndOf(known.Last) : (DateTimeOffset?)null;
        var end = asOf is { } a && a < request.Now ? a : request.Now;
        var since = request.Date("since") is { } d ? request.Desk.StartOf(d) : end.AddDays(-7);
        if (asOf is not null && since > end) return ValueTask.FromResult(Reply.Error("since is after as_of; give an earlier since date."));
        // Pages by count from the newest: a reader following "page:2" sees the changes just before the first page's
        // (one recorded meanwhile shifts them by a line, never hides one: it comes first on page 1).
        if (Paging.Number(request) is not { } number) return ValueTask.FromResult(Paging.Refusal);
        var size = PageSize(options);
        var page = queries.Changes(since, size, asOf, skip: (number - 1) * size);
        var sinceText = Phrases.Date(since, request.Desk);
        var title = $"Changes since {sinceText}" + (asOf is null ? "" : $", as recorded by {Phrases.Date(view.AsOf!.Last)}")
                    + (number > 1 ? $", page {number}" : "");
        var again = $"/changes since:{StoredTime.Format(request.Desk.DayOf(since))}"
                    + (asOf is null ? "" : $" as_of:{StoredTime.Format(view.AsOf!.Last)}");
        if (page.Items.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [new ReplyLine(number > 1 ? "No more changes." : "Nothing changed.")])],
                number > 1 ? $"{again} shows the newest." : request.Has("since") ? null : "Try an earlier date, such as /changes since:2025-03-01."));
        var named = lines.NamesOf(page.Items.Select(c => c.Data));
        var changeLines = page.Items.Select(c =>
        {
            var line = lines.Change(c, request.Now, named);
            var r = c.Current;
            var who = $" — by {r.RecordedByName}, {Phrases.Ago(r.RecordedAt, request.Now)}";
            var why = r.Reason is { Length: > 0 } reason && r.Action != RevisionAction.Retract ? $" ({reason})" : "";
            return line with { Text = line.Text + who + why };
        }).ToList();
        var more = page.More ? $"Older changes follow on {again} page:{number + 1}." : null;
        return ValueTask.FromResult(new Reply(title, [new ReplySection(null, changeLines, more)]));
    }
}
