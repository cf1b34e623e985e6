using BriefingBot.Slack.Rendering;

namespace BriefingBot.Slack.Commands;

/// <summary>
/// One slash command on its way through the worker queue. In HTTP mode the request waits a moment for the answer;
/// whichever of the request (timing out) and the worker (finishing) moves the job on first decides whether the answer
/// goes back in the HTTP response or later through response_url, so it is delivered exactly once.
/// </summary>
public sealed class SlashCommandJob(SlashCommand command, bool waitsInline)
{
    private const int Pending = 0, Done = 1, Deferred = 2;
    private int _state = waitsInline ? Pending : Deferred;
    private readonly TaskCompletionSource<SlackMessage> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SlashCommand Command { get; } = command;

    /// <summary>Called by the worker with the answer; true when the waiting request will send it, false when the worker must.</summary>
    public bool TryAnswerInline(SlackMessage message)
    {
        if (Interlocked.CompareExchange(ref _state, Done, Pending) != Pending) return false;
        _answer.TrySetResult(message);
        return true;
    }

    /// <summary>Called by the HTTP request: the answer if it came within <paramref name="budget"/>, or null to acknowledge now.</summary>
    public async Task<SlackMessage?> WaitInlineAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAny(_answer.Task, Task.Delay(budget, time, cancellationToken));
        if (finished == _answer.Task) return await _answer.Task;
        if (Interlocked.CompareExchange(ref _state, Deferred, Pending) == Pending) return null;
        return await _answer.Task; // the worker finished in the same instant; its answer is being set
    }
}
