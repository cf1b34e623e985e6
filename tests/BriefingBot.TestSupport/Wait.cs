using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.TestSupport;

/// <summary>
/// Waits for something the real network does, bounded in real time so a broken test fails in seconds. When given the
/// fake clock it moves it forward a step at a time while waiting, so back-offs and Retry-After waits elapse; tests then
/// check the fake-clock time stamps the fakes recorded, so "waited at least N s" is exact, not a real-time guess.
/// </summary>
public static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Polls <paramref name="condition"/> every <paramref name="pause"/> (10 ms by default) until it holds.</summary>
    public static async Task Until(Func<bool> condition, string what, FakeTimeProvider? time = null, TimeSpan? step = null, TimeSpan? pause = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Limit) throw new TimeoutException($"Gave up after {Limit.TotalSeconds:F0} s waiting for {what}.");
            if (time is not null) time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>
    /// Moves the fake clock on a millisecond at a time until <paramref name="task"/> completes, and returns its result.
    /// Each step also waits at least a real millisecond, so the fake clock never runs ahead of the real one: the bot's own
    /// time-outs (connect, Hello) fire no earlier than they would on the real clock.
    /// </summary>
    public static async Task<T> Ticking<T>(FakeTimeProvider time, Task<T> task, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > Limit) throw new TimeoutException($"Gave up after {Limit.TotalSeconds:F0} s waiting for {what} while moving the fake clock on.");
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAny(task, Task.Delay(1));
        }
        return await task;
    }

    /// <summary>Moves the fake clock on in steps until <paramref name="task"/> is done, then returns its result or failure.</summary>
    public static async Task For(Task task, string what, FakeTimeProvider time, TimeSpan step)
    {
        await Until(() => task.IsCompleted, what, time, step, TimeSpan.FromMilliseconds(1));
        await task;
    }
}
