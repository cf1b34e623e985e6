using BriefingBot.Briefing;
using BriefingBot.Commands;
using BriefingBot.Replies;
using Microsoft.Extensions.Options;

namespace BriefingBot.Answers;

/// <summary>The <c>/schedule</c> commands: set, off, show, status and post-now, each for the channel it is typed in.</summary>
public abstract class ScheduleAnswer(string sub) : ICommandHandler
{
    public string Path => "schedule " + sub;

    protected static BriefingChannel Channel(CommandRequest request) => new(request.Caller.Platform, request.Invocation.ChannelId);

    public abstract ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}

/// <summary><c>/schedule set [time] [timezone] [days]</c>.</summary>
public sealed class ScheduleSet(ScheduleStore schedules, IOptionsMonitor<BriefingOptions> options) : ScheduleAnswer("set")
{
    public override ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!BriefingSchedule.TryCron(request.Text("time") ?? "08:00", request.Text("days") ?? "weekdays", out var cron, out var error))
            return ValueTask.FromResult(Reply.Error(error));
        var zone = request.TimeZone("timezone")?.Id ?? options.CurrentValue.DefaultTimeZone;
        if (!BriefingSchedule.TryCreate(cron, zone, out var schedule, out error)) return ValueTask.FromResult(Reply.Error(error));
        schedules.Set(Channel(request), schedule, enabled: true, request.Caller.Author.Key);
        var next = schedule.NextAfter(request.Now) is { } n ? $" The next one is due {Phrases.When(n, schedule.Zone, request.Now)}." : "";
        return ValueTask.FromResult(Reply.Confirmation($"This channel gets the briefing at {schedule.Describe()}.",
            new ReplySection(null, [new ReplyLine("It says what changed since the previous one, then what stands now." + next)])));
    }
}

/// <summary><c>/schedule off</c>.</summary>
public sealed class ScheduleOff(ScheduleStore schedules) : ScheduleAnswer("off")
{
    public override ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var current = schedules.For(Channel(request));
        if (current is not { Enabled: true }) return ValueTask.FromResult(Reply.Error("This channel has no daily briefing to stop."));
        schedules.Set(Channel(request), current.Schedule, enabled: false, request.Caller.Author.Key);
        return ValueTask.FromResult(Reply.Confirmation("The daily briefing is off for this channel.",
            new ReplySection(null, [new ReplyLine("/schedule set turns it back on.")])));
    }
}

/// <summary><c>/schedule show</c>.</summary>
public sealed class ScheduleShow(ScheduleStore schedules) : ScheduleAnswer("show")
{
    public override ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var current = schedules.For(Channel(request));
        if (current is not { Enabled: true })
            return ValueTask.FromResult(new Reply("This channel has no daily briefing.", [], "A moderator can start one with /schedule set time:08:00 timezone:Europe/Paris days:weekdays."));
        var next = current.Schedule.NextAfter(request.Now) is { } n ? Phrases.When(n, current.Schedule.Zone, request.Now) : "never";
        return ValueTask.FromResult(new Reply($"Daily briefing: {current.Schedule.Describe()}",
            [new ReplySection(null, [new ReplyLine($"Next: {next}."), new ReplyLine($"Set in {current.Origin}.")])]));
    }
}

/// <summary><c>/schedule status</c>: the last run, its outcome, and the next slot.</summary>
public sealed class ScheduleStatus(ScheduleStore schedules, BriefingLedger ledger) : ScheduleAnswer("status")
{
    public override ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = Channel(request);
        var current = schedules.For(channel);
        var zone = current?.Schedule.Zone ?? TimeZoneInfo.Utc;
        var lines = new List<ReplyLine>();
        var sent = ledger.LastSent(channel);
        lines.Add(new ReplyLine(sent is null ? "No briefing has been posted here yet."
            : $"Last posted: the briefing due {Phrases.When(sent.Slot, zone, request.Now)}, sent {Phrases.Ago(sent.FinishedAt ?? sent.Slot, request.Now)}."));
        // Every run since the last one posted that did not get out, newest first: a slot given up is said, never hidden.
        foreach (var problem in ledger.Runs(channel).Where(r => r.Status != "sent" && r.Slot > (sent?.Slot ?? DateTimeOffset.MinValue))
                     .OrderByDescending(r => r.Slot).Take(3))
            lines.Add(new ReplyLine(problem.Status switch
            {
                "failed" or "refused" => $"The briefing due {Phrases.When(problem.Slot, zone, request.Now)} could not be posted: {problem.Error}",
                "skipped" => $"The briefing due {Phrases.When(problem.Slot, zone, request.Now)} was skipped: {problem.Error}.",
                _ => $"The briefing due {Phrases.When(problem.Slot, zone, request.Now)} is being posted.",
            }));
        lines.Add(new ReplyLine(current is { Enabled: true } && current.Schedule.NextAfter(request.Now) is { } next
            ? $"Next: {Phrases.When(next, zone, request.Now)} ({current.Schedule.Describe()})."
            : "No briefing is scheduled here."));
        return ValueTask.FromResult(new Reply("Daily briefing status", [new ReplySection(null, lines)]));
    }
}

/// <summary><c>/schedule post-now</c>: posts this channel's briefing at once, recorded like a scheduled one.</summary>
public sealed class SchedulePostNow(BriefingScheduler scheduler, BriefingLedger ledger) : ScheduleAnswer("post-now")
{
    public override async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = Channel(request);
        var slot = new DateTimeOffset(request.Now.Ticks - request.Now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (!await scheduler.PostAsync(channel, slot, cancellationToken))
            return Reply.Error(ledger.Latest(channel) is { Status: "failed" or "refused" } failed && failed.Slot == slot
                ? $"The briefing could not be posted here: {failed.Error}"
                : "A briefing for this moment is already being posted.");
        return Reply.Confirmation("Posted the briefing in this channel.", new ReplySection(null, [new ReplyLine("The next scheduled one will cover what changes from now on.")]));
    }
}
