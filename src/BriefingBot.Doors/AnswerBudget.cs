namespace BriefingBot.Doors;

/// <summary>
/// The race every chat platform imposes: an answer ready within the budget goes out in one round trip, a slower
/// one is acknowledged first and delivered later. This decides which, and leaves no timer running either way.
/// </summary>
public static class AnswerBudget
{
    /// <summary>True when <paramref name="work"/> finished within <paramref name="budget"/>; false to defer.</summary>
    public static async Task<bool> FinishesWithinAsync(Task work, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        // Most answers are ready at once: no timer for them.
        if (work.IsCompleted) return true;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(work, Task.Delay(budget, time, timer.Token));
        await timer.CancelAsync();
        return first == work;
    }
}
