using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/changes [since] [page] [as_of] [on]</c>: the audit log: every revision with who made it, when and why; with as_of, as it
/// stood at the end of that day; with on, the changes that took effect in the world up to that day.
/// </summary>
public sealed class ChangesAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "changes";

    /// <summary>How many changes one page lists.</summary>
    public static int PageSize(IOptions<KnowledgeOptions> options) => options.Value.MaxLines * 2;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // With as_of, the log as it stood at the end of that day: what a past briefing's reader could have read then.
        // since: a range (between two days) asks for the log as it stood at the end of its last day.
        // With on, since reads days in the world, as /briefing on: reads it; a range then asks how things stood on its last day.
        var world = request.Has("on");
        if (SinceRange.View(request, recorded: !world, out var refused) is not { } view) return ValueTask.FromResult(refused!);
        if (view.Day is not null) return ValueTask.FromResult(InTheWorld(request, view));
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

    // The log read in the world: every change that took effect from since (seven days before the day asked, if left out) to the
    // day asked, newest effect first, as known now or at the end of as_of; each with who recorded it, when and why. A desk
    // catching up on a backlog records in November what took effect in March: this is where the March week's entries are.
    private Reply InTheWorld(CommandRequest request, TimeView view)
    {
        var day = view.Day!.Value;
        var from = request.Date("since") ?? day.AddDays(-7);
        if (from > day) return Reply.Error("since is after on; give an earlier since date.");
        if (Paging.Number(request) is not { } number) return Paging.Refusal;
        var size = PageSize(options);
        var page = queries.ChangesOn(from, view, size, skip: (number - 1) * size);
        var title = $"Changes in effect since {Phrases.Date(from)}, {view.Describe()}" + (number > 1 ? $", page {number}" : "");
        var again = $"/changes since:{StoredTime.Format(from)} on:{StoredTime.Format(day)}"
                    + (view.AsOf is { } asOf ? $" as_of:{StoredTime.Format(asOf.Last)}" : "");
        if (page.Items.Count == 0)
            return new Reply(title, [new ReplySection(null, [new ReplyLine(number > 1 ? "No more changes." : "Nothing recorded took effect then.")])],
                number > 1 ? $"{again} shows the newest." : "Changes undone and facts retracted are left out; /changes lists the record as it was written.");
        var named = lines.NamesOf(page.Items.Select(c => c.Data));
        var changeLines = page.Items.Select(c =>
        {
            var line = lines.Change(c, request.Now, named);
            var r = c.Current;
            var effect = r.Provenance.Effective is { } e ? $" — in effect from {e.Short()}" : "";
            var who = $"; recorded by {r.RecordedByName}, {Phrases.Ago(r.RecordedAt, request.Now)}";
            var why = r.Reason is { Length: > 0 } reason ? $" ({reason})" : "";
            return line with { Text = line.Text + effect + who + why };
        }).ToList();
        var more = page.More ? $"Older changes follow on {again} page:{number + 1}." : null;
        return new Reply(title, [new ReplySection(null, changeLines, more)]);
    }
}
