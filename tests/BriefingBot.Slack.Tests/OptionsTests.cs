using BriefingBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Slack.Tests;

/// <summary>Start-up checks of the Slack section: each message names the setting to fix, and never echoes a secret.</summary>
public class OptionsTests
{
    private static SlackOptions Valid() => new() { BotToken = SlackTestBot.BotToken, AppToken = SlackTestBot.AppToken };

    private static string Failures(SlackOptions o)
    {
        var result = new SlackOptionsValidator().Validate(null, o);
        return result.Failed ? result.FailureMessage : "";
    }

    [Fact]
    public void Good_settings_pass() => Assert.Equal("", Failures(Valid()));

    [Fact]
    public void Each_missing_or_wrong_setting_is_named_with_its_environment_variable()
    {
        Assert.Contains("BRIEFINGBOT_Slack__BotToken", Failures(new SlackOptions { BotToken = "xoxp-user-token", AppToken = SlackTestBot.AppToken }));
        Assert.Contains("BRIEFINGBOT_Slack__AppToken", Failures(new SlackOptions { BotToken = SlackTestBot.BotToken }));
        Assert.Contains("BRIEFINGBOT_Slack__SigningSecret", Failures(new SlackOptions { BotToken = SlackTestBot.BotToken, Mode = SlackMode.Http }));
        Assert.Equal("", Failures(new SlackOptions { BotToken = SlackTestBot.BotToken, Mode = SlackMode.Http, SigningSecret = "s" }));
        var o = Valid();
        o.ApiBaseUrl = "slack.com/api";
        o.SocketModeUrl = "https://not-a-socket";
        o.ModeratorUserIds = ["alice"];
        o.TeamIds = ["workspace"];
        o.InlineReplyBudget = TimeSpan.FromSeconds(5);
        var failures = Failures(o);
        foreach (var setting in new[] { "BRIEFINGBOT_Slack__ApiBaseUrl", "BRIEFINGBOT_Slack__SocketModeUrl", "Slack:ModeratorUserIds holds “alice”", "Slack:TeamIds", "Slack:InlineReplyBudget" })
            Assert.Contains(setting, failures);
    }

    [Fact]
    public void A_token_pasted_with_a_line_break_is_refused_without_quoting_it()
    {
        var o = Valid();
        o.BotToken = SlackTestBot.BotToken + "\n";
        var failures = Failures(o);
        Assert.Contains("Slack:BotToken (BRIEFINGBOT_Slack__BotToken) contains spaces or line breaks", failures);
        Assert.DoesNotContain(SlackTestBot.BotToken, failures);
    }

    [Fact]
    public void Messages_never_repeat_a_token()
    {
        var failures = Failures(new SlackOptions { BotToken = "xoxp-SECRET-user-token", AppToken = "xoxb-SECRET-wrong-kind", Mode = SlackMode.SocketMode });
        Assert.NotEqual("", failures);
        Assert.DoesNotContain("SECRET", failures);
    }

    [Fact]
    public void The_door_is_added_only_when_a_bot_token_is_set()
    {
        Assert.False(new ServiceCollection().AddSlackDoor(new ConfigurationBuilder().Build()));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = SlackTestBot.BotToken }).Build();
        Assert.True(new ServiceCollection().AddSlackDoor(config));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void Reconnect_waits_double_up_to_the_cap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SocketModeClient.Backoff(failures, TimeSpan.FromSeconds(60)));
}

/// <summary>The README's list of slash commands to create stays in step with the core's catalogue.</summary>
public class CommandListTests
{
    [Fact]
    public void The_README_lists_every_slash_command_the_app_needs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Slack", StringComparison.Ordinal)..];
        var commands = Commands.SlackCommandList.All.Select(c => c.Command).ToList();
        foreach (var command in new[] { "/terms", "/contacts", "/aid", "/briefing", "/search", "/changes", "/help", "/update", "/schedule" })
            Assert.Contains(command, commands);
        foreach (var command in commands) Assert.Contains($"| `{command}` |", section);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("BriefingBot.sln not found above the test folder.");
    }
}

/// <summary>Which workspaces may ask.</summary>
public class TeamTests
{
    [Fact]
    public void TeamIds_match_the_workspace_or_the_Enterprise_Grid_organisation()
    {
        Assert.True(new SlackOptions().AllowsTeam(null));
        var o = new SlackOptions { TeamIds = ["T0001", "E0001"] };
        Assert.True(o.AllowsTeam("T0001"));
        Assert.True(o.AllowsTeam("T0999", "E0001"));
        Assert.False(o.AllowsTeam("T0999", "E0999"));
        Assert.False(o.AllowsTeam(null));
    }
}
