using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace BriefingBot.TestSupport;

/// <summary>
/// Captures every log line of a run, at every level, with its structured values and exception, so tests can read
/// what an operator would, and check that no secret reached a log in the text or in a property.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => _lines.ToList();

    public string All => string.Join('\n', _lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public bool Contains(string text, LogLevel atLeast = LogLevel.Trace) =>
        _lines.Any(l => l.Level >= atLeast && l.Text.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, not only the message: a secret in a property is as leaked as one in the text.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            sink._lines.Enqueue((logLevel, category, $"{formatter(state, exception)} [{values}]" + (exception is null ? "" : "\n" + exception)));
            if (Environment.GetEnvironmentVariable("BRIEFINGBOT_TEST_LOGS") is { Length: > 0 }) sink._lines.Enqueue((LogLevel.None, "clock", DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)));
        }
    }
}
