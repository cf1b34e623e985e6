namespace BriefingBot.Tests;

/// <summary>Knowledge:TimeZone as a user sets it: the program's briefing keeps the desk's clock, and a wrong zone stops start-up.</summary>
public sealed class DeskZoneHostTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task The_briefing_keeps_the_desks_clock()
    {
        var kyiv = new Dictionary<string, string> { ["BRIEFINGBOT_Knowledge__TimeZone"] = "Europe/Kyiv" };
        var result = await _bot.Run(null, kyiv, "ask", "/briefing");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^Briefing of \w+ \d{1,2} \w+ \d{4}, \d\d:\d\d Europe/Kyiv\n", result.Out);
        Assert.Matches(@"What changed since \d{1,2} \w+ \d{4}, \d\d:\d\d Europe/Kyiv \(yesterday\)", result.Out);

        var utc = await _bot.Run("ask", "/briefing");
        Assert.Matches(@"^Briefing of \w+ \d{1,2} \w+ \d{4}, \d\d:\d\d UTC\n", utc.Out);
    }

    [Fact]
    public async Task A_zone_nobody_knows_stops_start_up_with_a_message_naming_the_setting()
    {
        var result = await _bot.Run(null, new Dictionary<string, string> { ["BRIEFINGBOT_Knowledge__TimeZone"] = "Europe/Atlantis" }, "ask", "/terms");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Knowledge:TimeZone", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }
}
