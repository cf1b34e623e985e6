using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Tests;

/// <summary>Captures every log line of a run, at every level, with exceptions, so tests can read what an operator would.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public string All => string.Join('\n', Lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public bool Contains(string text, LogLevel atLeast = LogLevel.Trace) =>
        Lines.Any(l => l.Level >= atLeast && l.Text.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, not only the message: a secret in a property is as leaked as one in the text.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            sink.Lines.Enqueue((logLevel, category, $"{formatter(state, exception)} [{values}] {exception}"));
            if (Environment.GetEnvironmentVariable("BRIEFINGBOT_TEST_LOGS") is { Length: > 0 }) sink.Lines.Enqueue((LogLevel.None, "clock", DateTime.UtcNow.ToString("HH:mm:ss.fff")));
        }
    }
}
