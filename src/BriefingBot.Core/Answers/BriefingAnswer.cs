using BriefingBot.Briefing;
using BriefingBot.Commands;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary><c>/briefing [since]</c>: a briefing on demand, by default covering the last day.</summary>
public sealed class BriefingAnswer(BriefingComposer composer) : ICommandHandler
{
    public string Path => "briefing";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var since = request.Date("since") is { } d ? DateInput.StartOfDay(d) : request.Now.AddDays(-1);
        if (since > request.Now) return ValueTask.FromResult(Reply.Error("since is in the future; give a date up to today."));
        return ValueTask.FromResult(composer.Compose(since, request.Now));
    }
}
