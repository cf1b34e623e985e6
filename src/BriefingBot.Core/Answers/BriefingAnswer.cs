using BriefingBot.Briefing;
using BriefingBot.Commands;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/briefing [since]</c>: the briefing on demand. In a channel with a daily briefing it is the one due next, shown
/// only to the asker before it is posted; elsewhere it covers the last day.
/// </summary>
public sealed class BriefingAnswer(BriefingComposer composer, ScheduleStore schedules, BriefingLedger ledger) : ICommandHandler
{
    public string Path => "briefing";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = new BriefingChannel(request.Caller.Platform, request.Invocation.ChannelId);
        var schedule = schedules.For(channel) is { Enabled: true } s ? s : null;
        DateTimeOffset since;
        if (request.Date("since") is { } d) since = DateInput.StartOfDay(d);
        else if (schedule is not null && ledger.LastSent(channel) is { } last) since = last.Slot;
        else since = request.Now.AddDays(-1);
        if (since > request.Now) return ValueTask.FromResult(Reply.Error("since is in the future; give a date up to today."));
        var reply = composer.Compose(since, request.Now, schedule?.Schedule.Zone);
        return ValueTask.FromResult(schedule is null || request.Has("since")
            ? reply
            : reply with { Visibility = Visibility.OnlyAsker, Footer = "A preview of the next daily briefing of this channel, shown only to you." });
    }
}
