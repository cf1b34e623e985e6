using BriefingBot.Briefing;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Terminal;

/// <summary>Posts briefings scheduled for the terminal to the chat's output, and notes each in the log.</summary>
public sealed class TerminalPublisher(TerminalIo io, TextRenderer renderer, TerminalAttachments attachments, ILogger<TerminalPublisher> logger)
    : IBriefingPublisher
{
    public const string ChannelId = "terminal";

    public string Platform => TerminalDoor.Platform;

    public async Task<string?> PublishAsync(BriefingDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Channel.ChannelId != ChannelId)
            throw new BriefingDeliveryException($"the terminal has one channel, “{ChannelId}”, not “{delivery.Channel.ChannelId}”");
        await io.Output.WriteAsync("\n" + renderer.Render(delivery.Briefing) + attachments.Save(delivery.Briefing) + "\n");
        await io.Output.FlushAsync(cancellationToken);
        logger.LogInformation("Briefing {Nonce} posted to the terminal", delivery.Nonce);
        return delivery.Nonce;
    }
}
