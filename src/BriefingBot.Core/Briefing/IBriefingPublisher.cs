using BriefingBot.Replies;

namespace BriefingBot.Briefing;

/// <summary>A briefing ready to post to one channel, with the nonce that lets a platform drop a repeated send.</summary>
public sealed record BriefingDelivery(BriefingChannel Channel, Reply Briefing, string Nonce, DateTimeOffset Slot);

/// <summary>Posts briefings to one platform's channels; each door that can post provides one.</summary>
public interface IBriefingPublisher
{
    /// <summary>The platform name schedules use, the same one the door puts in <c>Caller.Platform</c>.</summary>
    string Platform { get; }

    /// <summary>Posts the briefing, split across messages as the platform needs; returns the id of the first message.</summary>
    Task<string?> PublishAsync(BriefingDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>A channel refused the briefing (gone, no permission): logged, shown in /schedule status, other channels go on.</summary>
public sealed class BriefingDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
