using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.Commands;

/// <summary>The bounded queue between the doors that receive slash commands and the workers that answer them.</summary>
public sealed class SlashCommandQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlashCommandJob> _jobs = Channel.CreateBounded<SlashCommandJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full; the caller tells the user to try again rather than blocking its receive loop.</summary>
    public bool TryEnqueue(SlashCommandJob job) => _jobs.Writer.TryWrite(job);

    public IAsyncEnumerable<SlashCommandJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}
