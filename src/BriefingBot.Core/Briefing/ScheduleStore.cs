using BriefingBot.Knowledge;
using Dapper;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>A channel's schedule as it stands: from chat (stored) or from configuration, possibly switched off.</summary>
public sealed record ChannelSchedule(BriefingChannel Channel, BriefingSchedule Schedule, bool Enabled, string Origin)
{
    /// <summary>When a moderator set it in chat; slots before this were never promised. Null for configuration.</summary>
    public DateTimeOffset? SetAt { get; init; }
}

/// <summary>
/// The schedules in force: configuration gives defaults, and what moderators set in chat (stored in SQLite, so it
/// survives restarts) takes precedence for that channel. Changing one wakes the scheduler.
/// </summary>
public sealed class ScheduleStore(KnowledgeDatabase database, IOptionsMonitor<BriefingOptions> options, TimeProvider time) : IDisposable
{
    private CancellationTokenSource _changed = new();

    /// <summary>Cancelled whenever a schedule changes, so a scheduler waiting for the next slot recomputes it.</summary>
    public CancellationToken Changed => Volatile.Read(ref _changed).Token;

    public IReadOnlyList<ChannelSchedule> All()
    {
        var byChannel = new Dictionary<BriefingChannel, ChannelSchedule>();
        foreach (var s in options.CurrentValue.Schedules)
            if (BriefingSchedule.TryCreate(s.Cron, s.TimeZone ?? options.CurrentValue.DefaultTimeZone, out var schedule, out _))
                byChannel[new BriefingChannel(s.Platform.Trim().ToLowerInvariant(), s.Channel.Trim())] =
                    new ChannelSchedule(new BriefingChannel(s.Platform.Trim().ToLowerInvariant(), s.Channel.Trim()), schedule, true, "configuration");
        using var connection = database.Open();
        foreach (var row in connection.Query<(string Platform, string ChannelId, string Cron, string TimeZone, long Enabled, string SetAt)>(
                     "SELECT platform, channel_id, cron, time_zone, enabled, set_at FROM briefing_schedules"))
            if (BriefingSchedule.TryCreate(row.Cron, row.TimeZone, out var schedule, out _))
            {
                var channel = new BriefingChannel(row.Platform, row.ChannelId);
                byChannel[channel] = new ChannelSchedule(channel, schedule, row.Enabled != 0, "chat") { SetAt = StoredTime.ParseInstant(row.SetAt) };
            }
        return byChannel.Values.OrderBy(s => s.Channel.ToString(), StringComparer.Ordinal).ToList();
    }

    public ChannelSchedule? For(BriefingChannel channel) => All().FirstOrDefault(s => s.Channel == channel);

    public void Set(BriefingChannel channel, BriefingSchedule schedule, bool enabled, string setBy)
    {
        database.Write((connection, tx) => connection.Execute(
            """
            INSERT INTO briefing_schedules (platform, channel_id, cron, time_zone, enabled, set_at, set_by)
            VALUES (@Platform, @ChannelId, @cron, @zone, @enabled, @at, @setBy)
            ON CONFLICT (platform, channel_id) DO UPDATE SET
                cron = excluded.cron, time_zone = excluded.time_zone, enabled = excluded.enabled,
                set_at = excluded.set_at, set_by = excluded.set_by
            """,
            new
            {
                channel.Platform,
                channel.ChannelId,
                cron = schedule.Cron,
                zone = schedule.Zone.Id,
                enabled = enabled ? 1 : 0,
                at = StoredTime.Format(time.GetUtcNow()),
                setBy,
            }, tx));
        // The replaced source is cancelled, not disposed: a scheduler may be reading its token at this moment, and a source
        // with no timer holds nothing to free. The current one is disposed with the store.
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    public void Dispose() => _changed.Dispose();
}
