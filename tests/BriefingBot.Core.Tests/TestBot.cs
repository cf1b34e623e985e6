using System.Globalization;
using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>The real core on a real SQLite file in a temp folder, with a fake clock; ask it as a user would.</summary>
public sealed class TestBot : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly bool _ownsFolder;

    public TestBot(bool seed = true, string? folder = null, int staleAfterDays = 14, int maxLines = 15, FakeTimeProvider? time = null,
        Action<IServiceCollection>? configure = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "knowledge.db");
        Time = time ?? new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .Configure<StorageOptions>(o =>
            {
                o.Path = DatabasePath;
                o.SeedPath = seed ? Path.Combine(AppContext.BaseDirectory, "config", "seed") : "";
            })
            .Configure<KnowledgeOptions>(o =>
            {
                o.StaleAfterDays = staleAfterDays;
                o.MaxLines = maxLines;
            })
            .Configure<Briefing.BriefingOptions>(o => o.FontPath = Path.Combine(AppContext.BaseDirectory, "config", "fonts"))
            .AddBriefingCore();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Get<KnowledgeStartup>().Start();
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static Caller Member(string name = "alice") => new("test", name, name, Role.Member);
    public static Caller Moderator(string name = "mo") => new("test", name, name, Role.Moderator);

    public Reply Ask(string text, Caller? caller = null) =>
        Get<CommandRouter>().RouteTextAsync(text, caller ?? Member(), "channel-1").AsTask().GetAwaiter().GetResult();

    /// <summary>A moderator's command that must be accepted, and what its reply says: the step of a scenario.</summary>
    public string Moderate(string text, Caller? moderator = null)
    {
        var reply = Ask(text, moderator ?? Moderator());
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
        return Text(reply);
    }

    /// <summary>A moderator's accepted command (<see cref="Moderate"/>), written with its reply to the test's output: a failing scenario shows the session.</summary>
    public string ModerateAloud(string text, Xunit.Abstractions.ITestOutputHelper output, Caller? moderator = null)
    {
        var said = Moderate(text, moderator);
        output.WriteLine($"> {text}\n{said}\n");
        return said;
    }

    /// <summary>Everything a member's question answers (<see cref="Text"/>, without the trailing blank), written with it to the test's output.</summary>
    public string AskAloud(string text, Xunit.Abstractions.ITestOutputHelper output)
    {
        var said = Text(Ask(text)).TrimEnd();
        output.WriteLine($"> {text}\n{said}\n");
        return said;
    }

    /// <summary>Everything a reply says, as one string, so tests can look for what a reader would see.</summary>
    public static string Text(Reply reply) =>
        string.Join('\n', new[] { reply.Title }
            .Concat(reply.Sections.SelectMany(s => new[] { s.Heading ?? "" }.Concat(s.Lines.Select(l => (l.Provenance?.Code + " " + l.Text).Trim())).Append(s.More ?? "")))
            .Append(reply.Footer ?? ""));

    public static IReadOnlyList<string> Codes(Reply reply) =>
        reply.Sections.SelectMany(s => s.Lines).Where(l => l.Provenance is not null).Select(l => l.Provenance!.Code.ToString()).ToList();

    /// <summary>The whole knowledge as an export, without the moment it was made, so two stores compare by content.</summary>
    public string ExportText() =>
        System.Text.Json.JsonSerializer.Serialize(Get<KnowledgeTransfer>().Export() with { ExportedAt = default }, KnowledgeJson.Options);

    /// <summary>A new bot on an empty file, with this bot's export imported and the same clock: what a desk moving its store gets.</summary>
    public TestBot CopyByExport()
    {
        var copy = new TestBot(seed: false, time: Time);
        using var stream = new MemoryStream();
        Get<KnowledgeTransfer>().WriteExport(stream);
        stream.Position = 0;
        copy.Get<KnowledgeTransfer>().Import(stream);
        return copy;
    }

    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
