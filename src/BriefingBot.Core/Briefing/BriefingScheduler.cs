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
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = schedules.Changed;
            // The next slot is taken from before this pass, so a slow post never makes the loop sleep past another's slot.
            var before = time.GetUtcNow();
            await RunDueAsync(stoppingToken);
            var next = NextSlot(before);
            var wait = next is { } n ? n - time.GetUtcNow() : TimeSpan.FromHours(1);
            // An unfinished claim (a crash, a transient failure) is retried as soon as it may be, while a platform
            // that honours nonces still remembers the first attempt.
            if (ResolveOpenRuns()) wait = Min(wait, options.CurrentValue.ClaimTimeout);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, changed);
            try
            {
                // Waking at least once a minute bounds any drift (a suspended machine, a clock set forward) to a minute.
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : Min(wait, TimeSpan.FromMinutes(1)), time, wake.Token);
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
            try
            {
                if (await RunDueAsync(entry, now, window, cancellationToken)) posted++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One channel's trouble (a broken schedule row, a database hiccup) never stops the others or the bot.
                logger.LogError(e, "The briefing for {Channel} could not be handled", entry.Channel);
            }
        }
        return posted;
    }

    private async Task<bool> RunDueAsync(ChannelSchedule entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var slot = entry.Schedule.LatestAtOrBefore(now, TimeSpan.FromDays(8));
        // A slot from before the schedule was set is not missed: changing the time at 09:00 to 08:30 waits for tomorrow.
        if (slot is null || slot < entry.SetAt) return false;
        var latest = ledger.Latest(entry.Channel);
        if (latest is not null && latest.Slot >= slot.Value && latest.Status is "sent" or "skipped" or "refused") return false;
        // A minute of grace, so a window of zero still posts a slot the timer wakes for a moment late.
        if (now - slot.Value > window + TimeSpan.FromMinutes(1))
        {
            if (latest?.Slot != slot.Value)
            {
                ledger.MarkSkipped(entry.Channel, slot.Value, Instance, $"missed by {Phrases.Ago(slot.Value, now).Replace(" ago", "")}, more than the catch-up window");
                logger.LogWarning("Skipped the briefing for {Channel} due at {Slot:u}: the bot was down longer than the catch-up window ({Window})",
                    entry.Channel, slot.Value, window);
            }
            return false;
        }
        return await PostAsync(entry.Channel, slot.Value, entry.Schedule.Zone, cancellationToken);
    }

    /// <summary>Posts the briefing for one slot if this instance wins its claim; failures are recorded, not thrown.</summary>
    public Task<bool> PostAsync(BriefingChannel channel, DateTimeOffset slot, CancellationToken cancellationToken) =>
        PostAsync(channel, slot, schedules.For(channel)?.Schedule.Zone ?? TimeZoneInfo.Utc, cancellationToken);

    private async Task<bool> PostAsync(BriefingChannel channel, DateTimeOffset slot, TimeZoneInfo zone, CancellationToken cancellationToken)
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
        try
        {
            var briefing = composer.Compose(since, time.GetUtcNow(), zone, withPicture: true);
            var messageId = await publisher.PublishAsync(new BriefingDelivery(channel, briefing, run.Nonce, slot), cancellationToken);
            ledger.MarkSent(run, messageId, since);
            logger.LogInformation("Posted the briefing for {Channel} due at {Slot:u}", channel, slot);
            return true;
        }
        catch (BriefingDeliveryException e)
        {
            // The channel refused (gone, no permission): retrying cannot help until someone fixes it.
            ledger.MarkFailed(run, e.Message, permanent: true);
            logger.LogError("Could not post the briefing to {Channel}: {Error}", channel, e.Message);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ledger.MarkFailed(run, e.Message);
            logger.LogError(e, "Could not post the briefing to {Channel}; it will be retried", channel);
            return false;
        }
    }

    /// <summary>
    /// Closes open runs that can never be retried (their channel's schedule is off, or the catch-up window has passed)
    /// and says whether any is left to retry, so the loop wakes for those and never for a claim nobody will finish.
    /// </summary>
    public bool ResolveOpenRuns()
    {
        var now = time.GetUtcNow();
        var window = options.CurrentValue.CatchUpWindow + TimeSpan.FromMinutes(1);
        var enabled = schedules.All().Where(s => s.Enabled).Select(s => s.Channel).ToHashSet();
        var retryable = false;
        foreach (var run in ledger.OpenRuns())
        {
            if (!enabled.Contains(run.Channel))
                ledger.Close(run, "never confirmed as posted, and the channel's briefing was switched off before it could be retried");
            else if (now - run.Slot > window)
                ledger.Close(run, $"never confirmed as posted ({run.Error ?? "the process posting it stopped"}), and not retried within the catch-up window");
            else
            {
                retryable = true;
                continue;
            }
            logger.LogWarning("Gave up the briefing for {Channel} due at {Slot:u}: it was never confirmed as posted", run.Channel, run.Slot);
        }
        return retryable;
    }

    /// <summary>The next slot of any enabled schedule after <paramref name="after"/>.</summary>
    public DateTimeOffset? NextSlot(DateTimeOffset after) =>
        schedules.All().Where(s => s.Enabled).Select(s => s.Schedule.NextAfter(after)).Where(n => n is not null).Min();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
