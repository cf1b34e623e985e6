using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary><c>/changes [since]</c>: the audit log: every revision with who made it, when and why.</summary>
public sealed class ChangesAnswer(FactQueries queries, FactLines lines, IOptions<KnowledgeOptions> options) : ICommandHandler
{
    public string Path => "changes";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var since = request.Date("since") is { } d ? DateInput.StartOfDay(d) : request.Now.AddDays(-7);
        var page = queries.Changes(since, options.Value.MaxLines * 2);
        var title = $"Changes since {Phrases.Date(since)}";
        if (page.Items.Count == 0)
            return ValueTask.FromResult(new Reply(title, [new ReplySection(null, [new ReplyLine("Nothing changed.")])],
                request.Has("since") ? null : "Try an earlier date, such as /changes since:2025-03-01."));
        var changeLines = page.Items.Select(c =>
        {
            var line = lines.Change(c, request.Now);
            var r = c.Current;
            var who = $" — by {r.RecordedByName}, {Phrases.Ago(r.RecordedAt, request.Now)}";
            var why = r.Reason is { Length: > 0 } reason && r.Action != RevisionAction.Retract ? $" ({reason})" : "";
            return line with { Text = line.Text + who + why };
        }).ToList();
        var more = page.More ? $"Only the {page.Items.Count} newest are shown; give a later since: date to see fewer." : null;
        return ValueTask.FromResult(new Reply(title, [new ReplySection(null, changeLines, more)]));
    }
}
