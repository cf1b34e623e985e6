using System.Text.Json;

namespace BriefingBot.Tests;

/// <summary>Several sources as a user sees them from the command line: terminal text and <c>--format json</c>.</summary>
public sealed class SeveralSourcesCommandLineTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_moderator_adds_sources_and_scripts_read_them_beside_the_first()
    {
        var db = Path.Combine(_bot.Folder, "team.db");
        Assert.Equal(0, (await _bot.Run("ask", "/sources add id:C1 source:\"White House readout\" source_url:https://www.whitehouse.gov/x source_date:2025-02-28", "--user", "Alice", "--db", db)).ExitCode);
        var added = await _bot.Run("ask", "/sources add id:C1 source:TASS stance:disputes", "--user", "Boris", "--db", db);
        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith("Added a source to C1.", added.Out);
        Assert.Contains("Added source TASS, which disputes it.", added.Out);

        var text = await _bot.Run("ask", "/contacts person:Zelensky kind:meeting", "--db", db);
        Assert.Contains("Reuters and White House readout, latest 6 March 2025", text.Out);
        Assert.Contains("· confirmed · disputed by TASS", text.Out);

        var history = await _bot.Run("ask", "/history C1", "--db", db);
        Assert.Contains("3. Sources changed by Boris on ", history.Out);
        Assert.Contains(": added source TASS, which disputes it", history.Out);

        using var json = JsonDocument.Parse((await _bot.Run("ask", "/contacts person:Zelensky kind:meeting", "--format", "json", "--db", db)).Out);
        var provenance = json.RootElement.GetProperty("sections")[0].GetProperty("lines")[0].GetProperty("provenance");
        Assert.Equal("C1", provenance.GetProperty("code").GetString());
        Assert.Equal("Reuters", provenance.GetProperty("source").GetProperty("outlet").GetString());
        var sources = provenance.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["Reuters", "White House readout", "TASS"], sources.Select(s => s.GetProperty("source").GetProperty("outlet").GetString()));
        Assert.Equal(["confirms", "confirms", "disputes"], sources.Select(s => s.GetProperty("stance").GetString()));
        Assert.Equal("https://www.whitehouse.gov/x", sources[1].GetProperty("source").GetProperty("url").GetString());
    }
}
