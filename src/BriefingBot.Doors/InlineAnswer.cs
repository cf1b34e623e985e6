namespace BriefingBot.Doors;

/// <summary>
/// An answer that a waiting request may send itself or leave for later delivery. Whichever of the request (its
/// budget running out) and the worker (finishing) moves first decides, so the answer is delivered exactly once.
/// </summary>
public class InlineAnswer<T>(bool waitsInline) where T : class
{
    private const int Pending = 0, Done = 1, Deferred = 2;
    private int _state = waitsInline ? Pending : Deferred;
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called by the worker with the answer; true when the waiting request will send it, false when the worker must.</summary>
    public bool TryAnswerInline(T answer)
    {
        if (Interlocked.CompareExchange(ref _state, Done, Pending) != Pending) return false;
        _answer.TrySetResult(answer);
        return true;
    }

    /// <summary>Called by the request: the answer if it came within <paramref name="budget"/>, or null to acknowledge now.</summary>
    public async Task<T?> WaitInlineAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await AnswerBudget.FinishesWithinAsync(_answer.Task, budget, time, cancellationToken)) return await _answer.Task;
        if (Interlocked.CompareExchange(ref _state, Deferred, Pending) == Pending) return null;
        return await _answer.Task; // the worker finished in the same instant; its answer is being set
    }
}
