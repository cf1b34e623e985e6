using System.Collections.Concurrent;
using BriefingBot.Fuzzing;
using BriefingBot.Terminal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BriefingBot.Tests;

/// <summary>
/// Thousands of hostile lines through the real terminal chat (the host's own TerminalChat on a real SQLite file, driven
/// in-process through its TerminalIo), and a few hundred through the built program's standard input: every line is
/// answered, none with the internal-error fallback, and nothing answered holds a control character or a lone surrogate.
/// </summary>
public sealed class TerminalFuzzTests(ITestOutputHelper output) : IDisposable
{
    public const int Lines = 3000, ProcessLines = 400;
    private const string InternalError = "Something went wrong";

    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Hostile_lines_through_the_terminal_chat_never_reach_an_internal_error()
    {
        var input = new HostileInput(seed: 8_301);
        var lines = Enumerable.Range(0, Lines).Select(_ => input.Line()).ToList();
        var writer = new AnswerWriter();
        var errors = new ErrorLog();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var settings = new HostSettings(Path.Combine(_bot.Folder, "fuzz.db"), Chat: true)
        {
            Io = new TerminalIo(new StringReader(string.Join('\n', lines)), writer, Interactive: false),
            Configure = services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddLogging(l => l.AddProvider(errors));
                services.Configure<TerminalOptions>(o => o.User = "fuzz");
            },
        };
        using (var host = BotHost.Build([], settings))
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.RunAsync(limit.Token);
        }
        SqliteConnection.ClearAllPools();

        // The chat answers every line that is not blank or a # comment, with one write each; a briefing posted by
        // /schedule post-now is a write of its own that starts with a blank line.
        var answers = writer.Writes.Where(w => !w.StartsWith('\n')).ToList();
        Assert.Equal(Answerable(lines), answers.Count);
        foreach (var (answer, i) in writer.Writes.Select((w, i) => (w, i)))
        {
            Assert.DoesNotContain(InternalError, answer);
            Assert.True(HostileInput.Unsafe(answer) is null, $"Answer {i} holds {HostileInput.Unsafe(answer)}: {answer}");
        }
        Assert.Empty(errors.Entries);
        output.WriteLine($"{lines.Count} lines, {answers.Count} answers, {writer.Writes.Count - answers.Count} briefings posted");
    }

    [Fact]
    public async Task Hostile_lines_through_the_built_program_never_reach_an_internal_error()
    {
        var input = new HostileInput(seed: 8_302);
        var lines = Enumerable.Range(0, ProcessLines).Select(_ => input.Line()).ToList();
        // Standard input is UTF-8, so a lone surrogate arrives as U+FFFD here; everything else arrives as typed.
        var result = await _bot.Run(string.Join('\n', lines) + "\n", (IDictionary<string, string>?)null, "--db", Path.Combine(_bot.Folder, "process.db"));
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(InternalError, result.Out);
        Assert.True(HostileInput.Unsafe(result.Out) is null, HostileInput.Unsafe(result.Out));
        Assert.DoesNotContain("fail", result.Err, StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"{lines.Count} lines through the built program, {result.Out.Length:N0} characters answered");
    }

    /// <summary>The lines TerminalChat answers: read as it reads them, blank lines and # comments skipped, up to /quit.</summary>
    private static int Answerable(IEnumerable<string> lines)
    {
        using var reader = new StringReader(string.Join('\n', lines));
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line is "/quit" or "/exit") break;
            if (line.Length > 0 && !line.StartsWith('#')) count++;
        }
        return count;
    }

    /// <summary>The terminal's screen: keeps each write the chat makes, one per answer.</summary>
    private sealed class AnswerWriter : StringWriter
    {
        public ConcurrentQueue<string> Writes { get; } = new();

        public override Task WriteAsync(string? value)
        {
            Writes.Enqueue(value ?? "");
            return Task.CompletedTask;
        }
    }

    /// <summary>Every log entry at Error or above: a failure the chat swallowed would show here.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
