using BriefingBot.Briefing;
using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/briefing [since] [as_of] [on]</c>: the briefing on demand. In a channel with a daily briefing it is the one due next,
/// shown only to the asker before it is posted; elsewhere it covers the last day. With as_of it is the briefing as we could
/// have written it at the end of that day; with on, what changed in the world up to that day and how things stood then.
/// </summary>
public sealed class BriefingAnswer(BriefingComposer composer, ScheduleStore schedules, BriefingLedger ledger) : ICommandHandler
{
    public string Path => "briefing";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = new BriefingChannel(request.Caller.Platform, request.Invocation.ChannelId);
        var schedule = schedules.For(channel) is { Enabled: true } s ? s : null;
        if (SinceRange.View(request, recorded: true, out var refused) is not { } view) return ValueTask.FromResult(refused!);
        // A briefing as known on a past day is written as it could have been then: nothing recorded later counts.
        var now = view.KnownBy is { } knownBy && knownBy < request.Now ? knownBy : request.Now;
        DateTimeOffset since;
        if (request.Date("since") is { } d) since = request.Desk.StartOf(d);
        else if (view.Day is { } day) since = request.Desk.StartOf(day.AddDays(-1));
        else if (!view.IsNow) since = now.AddDays(-1);
        else if (schedule is not null && ledger.LastSent(channel) is { } last) since = last.Slot;
        else since = request.Now.AddDays(-1);
        // With on, since is a day in the world, so it is checked against the day asked, not against the as_of day: how things
        // stood on the 25th as known on the 20th is a fair question (what was planned, what was in effect by then).
        if (view.On is not null && view.Day is { } asked ? since > request.Desk.StartOf(asked) : since > now) return ValueTask.FromResult(Reply.Error(view.IsNow
            ? "since is in the future; give a date up to today."
            : "since is after the day asked; give an earlier since date."));
        var reply = composer.Compose(since, now, schedule?.Schedule.Zone, view: view,
            title: view.IsNow ? null : $"Briefing {view.Describe()}");
        return ValueTask.FromResult(schedule is null || request.Has("since") || !view.IsNow
            ? reply
            : reply with { Visibility = Visibility.OnlyAsker, Footer = "A preview of the next daily briefing of this channel, shown only to you." });
    }
}
