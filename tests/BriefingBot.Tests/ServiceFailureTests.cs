using BriefingBot.Terminal;
using BriefingBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests;

/// <summary>
/// A service other than a door that fails stops the program with exit code 1, as a door's failure does, so a service
/// manager restarts it: here the briefing scheduler, on a database file whose schedules table is gone.
/// </summary>
public sealed class ServiceFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));

    public ServiceFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_briefing_scheduler_failing_ends_the_chat_with_exit_code_1_and_a_line_saying_why()
    {
        var db = Path.Combine(_folder, "knowledge.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        var settings = new HostSettings(db, Chat: true)
        {
            Io = new TerminalIo(new SilentInput(), new StringWriter(), Interactive: false),
            Configure = services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddLogging(l => l.AddProvider(logs));
            },
        };
        using var host = BotHost.Build([], settings);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var started = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted;
        var run = BotHost.RunAsync(host, limit.Token);
        await Wait.Until(() => started.IsCancellationRequested, "the chat to start");
        Assert.Contains("briefing_schedules", Tables(db));

        using (var other = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            other.Open();
            using var drop = other.CreateCommand();
            drop.CommandText = "DROP TABLE briefing_schedules";
            drop.ExecuteNonQuery();
        }

        // The scheduler wakes at least once a minute of the (fake) clock and reads the schedules.
        await Wait.For(run, "the program to stop", time, TimeSpan.FromSeconds(20));
        var exitCode = await run;

        Assert.Equal(1, exitCode);
        Assert.True(logs.Contains("no such table: briefing_schedules", LogLevel.Error), logs.All);
    }

    private static List<string> Tables(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    // A terminal nobody types into: the chat waits until the program stops.
    private sealed class SilentInput : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
