using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>Every log line of a run, formatted as a console would, exceptions included, so tests can search them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => _lines.ToList();

    public string All => string.Join("\n", _lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
