using System.Threading.Channels;
using BriefingBot.Briefing;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Stands in for a chat platform's servers (the only thing tests fake): it keeps the messages posted to it and, like
/// Discord with enforce_nonce, returns the earlier message instead of posting twice with one nonce.
/// Channels listed in <see cref="Refusing"/> answer like a channel the bot may no longer post to.
/// </summary>
public sealed class FakePlatform(string platform = "discord") : IBriefingPublisher
{
    private readonly Channel<BriefingDelivery> _arrivals = Channel.CreateUnbounded<BriefingDelivery>();
    private readonly List<BriefingDelivery> _messages = [];

    public string Platform => platform;
    public HashSet<string> Refusing { get; } = [];
    public int Attempts { get; private set; }

    public IReadOnlyList<BriefingDelivery> Messages { get { lock (_messages) return _messages.ToList(); } }

    public IReadOnlyList<BriefingDelivery> In(string channel) => Messages.Where(m => m.Channel.ChannelId == channel).ToList();

    public Task<string?> PublishAsync(BriefingDelivery delivery, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Refusing.Contains(delivery.Channel.ChannelId))
            throw new BriefingDeliveryException("Missing Access (50001): the bot can no longer post in this channel");
        lock (_messages)
        {
            var earlier = _messages.FindIndex(m => m.Nonce == delivery.Nonce && m.Channel == delivery.Channel);
            if (earlier >= 0) return Task.FromResult<string?>($"message-{earlier}");
            _messages.Add(delivery);
            _arrivals.Writer.TryWrite(delivery);
            return Task.FromResult<string?>($"message-{_messages.Count - 1}");
        }
    }

    /// <summary>
    /// Moves the fake clock forward a step at a time until the scheduler posts, as a real clock would tick. The
    /// scheduler runs on its own task, so each step gives it a moment (real time, bounded) to notice.
    /// </summary>
    public async Task<(BriefingDelivery Delivery, DateTimeOffset PostedAt)> AdvanceUntilPostedAsync(
        Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            time.Advance(step);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                var delivery = await _arrivals.Reader.ReadAsync(wait.Token);
                return (delivery, time.GetUtcNow());
            }
            catch (OperationCanceledException)
            {
            }
        }
        throw new TimeoutException($"Nothing was posted within {maxSteps} steps of {step}.");
    }
}
