using BriefingBot.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Slack.Tests;

/// <summary>The daily briefing posted to Slack through the real door and Web API client, against the fake Slack.</summary>
public class BriefingPublisherTests
{
    private static Action<IServiceCollection> Scheduled(string channel) => services => services.Configure<BriefingOptions>(o =>
    {
        o.FontPath = Path.Combine(AppContext.BaseDirectory, "config", "fonts");
        o.Schedules = [new ScheduleOptions { Platform = "slack", Channel = channel, Cron = "0 8 * * *", TimeZone = "Europe/Paris" }];
    });

    [Fact]
    public async Task The_scheduled_briefing_is_posted_with_chat_postMessage_and_its_picture_uploaded()
    {
        await using var bot = await SlackTestBot.StartAsync(services: Scheduled("C0BRIEF"));
        var posted = await bot.Get<BriefingScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal(1, posted);
        var messages = bot.Slack.CallsTo("chat.postMessage");
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal("C0BRIEF", m.Form["channel"]));
        var all = string.Join("\n", messages.Select(m => m.Form.GetValueOrDefault("blocks") ?? ""));
        Assert.Contains("Briefing of Monday 10 March 2025, 10:00 Europe/Paris", all);
        Assert.Contains("Ground combat is excluded from the truce.", all);
        Assert.Contains("Reuters", all);
        Assert.Single(bot.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("C0BRIEF", Assert.Single(bot.Slack.CallsTo("files.completeUploadExternal")).Form["channel_id"]);
        var (_, bytes) = Assert.Single(bot.Slack.Uploads);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Empty(bot.Slack.SpecViolations);

        // Exactly once: a second pass for the same slot posts nothing.
        Assert.Equal(0, await bot.Get<BriefingScheduler>().RunDueAsync(CancellationToken.None));
        Assert.Equal(messages.Count, bot.Slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_channel_the_bot_is_not_in_is_reported_in_schedule_status()
    {
        await using var bot = await SlackTestBot.StartAsync(services: Scheduled("C0GONE"), fake: slack => slack.AnswerError("chat.postMessage", "not_in_channel"));
        Assert.Equal(0, await bot.Get<BriefingScheduler>().RunDueAsync(CancellationToken.None));
        var run = bot.Get<BriefingLedger>().Latest(new BriefingChannel("slack", "C0GONE"))!;
        Assert.Equal("refused", run.Status);
        Assert.Contains("the bot is not in Slack channel C0GONE (not_in_channel); invite it with /invite", run.Error);
        var status = await bot.Get<BriefingBot.Commands.CommandRouter>().RouteTextAsync("/schedule status",
            new BriefingBot.Commands.Caller("slack", SlackTestBot.Member, "Ann", BriefingBot.Commands.Role.Member), "C0GONE");
        Assert.Contains("could not be posted: the bot is not in Slack channel C0GONE", string.Join("\n", status.Sections.SelectMany(x => x.Lines).Select(l => l.Text)));
    }
}
