using BriefingBot.Replies;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Briefing;

/// <summary>
/// Posts each channel's briefing at its scheduled slot, exactly once: a run is claimed in the ledger before it is
/// sent, missed slots are caught up on start-up within the window, and a failing channel never holds up the others.
/// </summary>
public sealed class BriefingScheduler(
    ScheduleStore schedules,
    BriefingLedger ledger,
    BriefingComposer composer,
    IEnumerable<IBriefingPublisher> publishers,
    IOptionsMonitor<BriefingOptions> options,
    TimeProvider time,
    ILogger<BriefingScheduler> logger) : BackgroundService
{
    /// <summary>Names this process in the ledger, so a second instance can tell its claims from ours.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():n}"[..^24];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = schedules.Changed;
            await RunDueAsync(stoppingToken);
            var next = NextSlot(time.GetUtcNow());
            var wait = next is { } n ? n - time.GetUtcNow() : TimeSpan.FromHours(1);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, changed);
            try
            {
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : Min(wait, TimeSpan.FromHours(1)), time, wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Briefing schedules changed; recomputing the next slot");
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Posts every slot that is due now, or was missed within the catch-up window; returns how many were posted.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = options.CurrentValue.CatchUpWindow;
        var posted = 0;
        foreach (var entry in schedules.All().Where(s => s.Enabled))
        {
            var slot = entry.Schedule.LatestAtOrBefore(now, TimeSpan.FromDays(8));
            if (slot is null) continue;
            var latest = ledger.Latest(entry.Channel);
            if (latest is not null && latest.Slot >= slot.Value && latest.Status is "sent" or "skipped") continue;
            if (now - slot.Value > window)
            {
                if (latest?.Slot != slot.Value)
                {
                    ledger.MarkSkipped(entry.Channel, slot.Value, Instance, $"missed by {Phrases.Ago(slot.Value, now).Replace(" ago", "")}, more than the catch-up window");
                    logger.LogWarning("Skipped the briefing for {Channel} due at {Slot:u}: the bot was down longer than the catch-up window ({Window})",
                        entry.Channel, slot.Value, window);
                }
                continue;
            }
            if (await PostAsync(entry.Channel, slot.Value, cancellationToken)) posted++;
        }
        return posted;
    }

    /// <summary>Posts the briefing for one slot if this instance wins its claim; failures are recorded, not thrown.</summary>
    public async Task<bool> PostAsync(BriefingChannel channel, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var run = ledger.TryClaim(channel, slot, Instance, options.CurrentValue.ClaimTimeout);
        if (run is null) return false;
        var publisher = publishers.FirstOrDefault(p => p.Platform == channel.Platform);
        if (publisher is null)
        {
            ledger.MarkFailed(run, $"no {channel.Platform} connection is configured");
            logger.LogError("Cannot post the briefing to {Channel}: no {Platform} connection is configured", channel, channel.Platform);
            return false;
        }
        var since = ledger.LastSent(channel)?.Slot ?? slot.AddDays(-1);
        var zone = schedules.For(channel)?.Schedule.Zone ?? TimeZoneInfo.Utc;
        var briefing = composer.Compose(since, time.GetUtcNow(), zone, withPicture: true);
        try
        {
            var messageId = await publisher.PublishAsync(new BriefingDelivery(channel, briefing, run.Nonce, slot), cancellationToken);
            ledger.MarkSent(run, messageId, since);
            logger.LogInformation("Posted the briefing for {Channel} due at {Slot:u}", channel, slot);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ledger.MarkFailed(run, e.Message);
            logger.LogError("Could not post the briefing to {Channel}: {Error}", channel, e.Message);
            return false;
        }
    }

    /// <summary>The next slot of any enabled schedule after <paramref name="after"/>.</summary>
    public DateTimeOffset? NextSlot(DateTimeOffset after) =>
        schedules.All().Where(s => s.Enabled).Select(s => s.Schedule.NextAfter(after)).Where(n => n is not null).Min();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
