using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>Moves a fake clock on while the test waits for something the bot does after one of its timers.</summary>
public static class FakeClock
{
    /// <summary>
    /// Advances <paramref name="clock"/> a millisecond at a time until <paramref name="task"/> completes. Each step also
    /// waits at least a real millisecond, so the fake clock never runs ahead of the real one: the bot's own time-outs
    /// (connect, Hello) fire no earlier than they would on the real clock. The real-time limit only turns a hang into
    /// a failure.
    /// </summary>
    public static async Task<T> TickUntilAsync<T>(this FakeTimeProvider clock, Task<T> task)
    {
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("Gave up waiting while moving the fake clock on.");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAny(task, Task.Delay(1));
        }
        return await task;
    }
}
