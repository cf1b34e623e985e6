using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Doors;

/// <summary>
/// A few workers that take a door's queued commands and answer them, off the receive loop. One failed answer is
/// logged and the worker carries on; they all stop with the host or when a door stops the program.
/// </summary>
public abstract class DoorWorkers<T>(DoorQueue<T> queue, DoorShutdown shutdown, ILogger logger) : BackgroundService
{
    /// <summary>How many commands are answered at once.</summary>
    protected abstract int Count { get; }

    protected abstract Task AnswerAsync(T item, CancellationToken cancellationToken);

    /// <summary>How the failure log names an item (an id, a command and who sent it; never a token).</summary>
    protected abstract string Describe(T item);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Count).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Stopped);
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(linked.Token))
                try
                {
                    await AnswerAsync(item, linked.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad command must not take a worker, or with it the host, down.
                    logger.LogError(e, "{Item} could not be answered", Describe(item));
                }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
