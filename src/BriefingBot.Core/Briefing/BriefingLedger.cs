using BriefingBot.Knowledge;
using Dapper;

namespace BriefingBot.Briefing;

/// <summary>One briefing run: a channel's scheduled slot and what became of it.</summary>
public sealed record BriefingRun(
    long Id, BriefingChannel Channel, DateTimeOffset Slot, string Nonce, string Status, DateTimeOffset ClaimedAt, string ClaimedBy,
    DateTimeOffset? FinishedAt, string? MessageId, string? Error, DateTimeOffset? CoversSince);

/// <summary>
/// The record of briefings, in the same SQLite file as the knowledge. A run is claimed (a unique row per channel and
/// slot) before anything is sent, so a restart or a second instance can never post the same slot twice.
/// </summary>
public sealed class BriefingLedger(KnowledgeDatabase database, TimeProvider time)
{
    /// <summary>Claims a slot; null when it is already sent, skipped, or claimed by someone still within the timeout.</summary>
    public BriefingRun? TryClaim(BriefingChannel channel, DateTimeOffset slot, string instance, TimeSpan claimTimeout) =>
        database.Write((connection, tx) =>
        {
            var now = time.GetUtcNow();
            var existing = Read(connection, tx, "WHERE platform = @Platform AND channel_id = @ChannelId AND slot = @slot",
                new { channel.Platform, channel.ChannelId, slot = StoredTime.Format(slot) }).SingleOrDefault();
            if (existing is not null)
            {
                var abandoned = existing.Status is "claimed" or "failed" && existing.ClaimedAt + claimTimeout <= now;
                if (!abandoned) return null;
                // Retried with the same nonce, so a platform that saw the first send drops the second.
                connection.Execute("UPDATE briefing_runs SET status = 'claimed', claimed_at = @at, claimed_by = @instance, error = NULL WHERE id = @Id",
                    new { at = StoredTime.Format(now), instance, existing.Id }, tx);
                return existing with { Status = "claimed", ClaimedAt = now, ClaimedBy = instance };
            }
            var nonce = Nonce(channel, slot);
            Supersede(connection, tx, channel, slot, now);
            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO briefing_runs (platform, channel_id, slot, nonce, status, claimed_at, claimed_by)
                VALUES (@Platform, @ChannelId, @slot, @nonce, 'claimed', @at, @instance) RETURNING id
                """,
                new { channel.Platform, channel.ChannelId, slot = StoredTime.Format(slot), nonce, at = StoredTime.Format(now), instance }, tx);
            return new BriefingRun(id, channel, slot, nonce, "claimed", now, instance, null, null, null, null);
        });

    public void MarkSent(BriefingRun run, string? messageId, DateTimeOffset coversSince) => Finish(run, "sent", messageId, null, coversSince);

    /// <summary>Records a failed post; a permanent one (the channel refused) is not retried.</summary>
    public void MarkFailed(BriefingRun run, string error, bool permanent = false) => Finish(run, permanent ? "refused" : "failed", null, error, null);

    /// <summary>Runs claimed or failed and not yet resolved: each is retried once its claim times out, or closed.</summary>
    public IReadOnlyList<BriefingRun> OpenRuns()
    {
        using var connection = database.Open();
        return Read(connection, null, "WHERE status IN ('claimed', 'failed') ORDER BY slot", new { });
    }

    /// <summary>Closes an open run that will never be retried, as skipped with the reason, so status says what became of it.</summary>
    public void Close(BriefingRun run, string why) =>
        database.Write((connection, tx) => connection.Execute(
            "UPDATE briefing_runs SET status = 'skipped', finished_at = @at, error = @why WHERE id = @Id AND status IN ('claimed', 'failed')",
            new { at = StoredTime.Format(time.GetUtcNow()), why, run.Id }, tx));

    /// <summary>Records a slot that was missed for longer than the catch-up window, so status can say so.</summary>
    public void MarkSkipped(BriefingChannel channel, DateTimeOffset slot, string instance, string why) =>
        database.Write((connection, tx) =>
        {
            var now = time.GetUtcNow();
            Supersede(connection, tx, channel, slot, now);
            return connection.Execute(
                """
                INSERT INTO briefing_runs (platform, channel_id, slot, nonce, status, claimed_at, claimed_by, finished_at, error)
                VALUES (@Platform, @ChannelId, @slot, @nonce, 'skipped', @at, @instance, @at, @why)
                ON CONFLICT (platform, channel_id, slot) DO NOTHING
                """,
                new { channel.Platform, channel.ChannelId, slot = StoredTime.Format(slot), nonce = Nonce(channel, slot), at = StoredTime.Format(now), instance, why }, tx);
        });

    public BriefingRun? LastSent(BriefingChannel channel) => Latest(channel, "AND status = 'sent'");

    public BriefingRun? Latest(BriefingChannel channel, string condition = "")
    {
        using var connection = database.Open();
        return Read(connection, null, $"WHERE platform = @Platform AND channel_id = @ChannelId {condition} ORDER BY slot DESC LIMIT 1",
            new { channel.Platform, channel.ChannelId }).SingleOrDefault();
    }

    public IReadOnlyList<BriefingRun> Runs(BriefingChannel channel)
    {
        using var connection = database.Open();
        return Read(connection, null, "WHERE platform = @Platform AND channel_id = @ChannelId ORDER BY slot", new { channel.Platform, channel.ChannelId });
    }

    /// <summary>
    /// Only a channel's latest slot is ever retried, so when a newer slot is claimed or skipped, an older run left open
    /// (its process died mid-post, or its post failed) is closed as skipped instead of staying open for good. The next
    /// briefing covers everything since the last one sent, so what the closed one held is not lost.
    /// </summary>
    private static void Supersede(System.Data.IDbConnection connection, System.Data.IDbTransaction tx, BriefingChannel channel,
        DateTimeOffset slot, DateTimeOffset now) =>
        connection.Execute(
            """
            UPDATE briefing_runs SET status = 'skipped', finished_at = @at,
                error = 'never confirmed as posted (' || COALESCE(error, 'the process posting it stopped') || ') and replaced by a later one, which covers what it held'
            WHERE platform = @Platform AND channel_id = @ChannelId AND slot < @slot AND status IN ('claimed', 'failed')
            """,
            new { channel.Platform, channel.ChannelId, slot = StoredTime.Format(slot), at = StoredTime.Format(now) }, tx);

    /// <summary>A nonce unique to the channel and slot and stable across retries (25 characters, the most a platform's nonce may hold).</summary>
    public static string Nonce(BriefingChannel channel, DateTimeOffset slot)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{channel}|{StoredTime.Format(slot)}"));
        return "b" + Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }

    private void Finish(BriefingRun run, string status, string? messageId, string? error, DateTimeOffset? coversSince) =>
        database.Write((connection, tx) => connection.Execute(
            "UPDATE briefing_runs SET status = @status, finished_at = @at, message_id = @messageId, error = @error, covers_since = @since WHERE id = @Id",
            new { status, at = StoredTime.Format(time.GetUtcNow()), messageId, error, since = coversSince is { } s ? StoredTime.Format(s) : null, run.Id }, tx));

    private static List<BriefingRun> Read(System.Data.IDbConnection connection, System.Data.IDbTransaction? tx, string where, object args) =>
        connection.Query<(long Id, string Platform, string ChannelId, string Slot, string Nonce, string Status, string ClaimedAt, string ClaimedBy,
                string? FinishedAt, string? MessageId, string? Error, string? CoversSince)>(
                "SELECT id, platform, channel_id, slot, nonce, status, claimed_at, claimed_by, finished_at, message_id, error, covers_since FROM briefing_runs " + where,
                args, tx)
            .Select(r => new BriefingRun(r.Id, new BriefingChannel(r.Platform, r.ChannelId), StoredTime.ParseInstant(r.Slot), r.Nonce, r.Status,
                StoredTime.ParseInstant(r.ClaimedAt), r.ClaimedBy, r.FinishedAt is { } f ? StoredTime.ParseInstant(f) : null, r.MessageId, r.Error,
                r.CoversSince is { } c ? StoredTime.ParseInstant(c) : null))
            .ToList();
}
