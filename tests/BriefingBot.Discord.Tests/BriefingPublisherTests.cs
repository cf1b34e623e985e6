using BriefingBot.Briefing;
using BriefingBot.Discord.Briefing;
using BriefingBot.Discord.Tests.Fakes;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests;

/// <summary>The daily briefing posted through the real Discord door to the fake Discord's REST API.</summary>
public class BriefingPublisherTests
{
    private const string Channel = "1145141919810899700";

    private static async Task<(FakeDiscord, DoorHost)> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync();
        var host = await DoorHost.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Convert.ToHexString(new byte[32]).ToLowerInvariant(),
            ["Discord:HttpListenUrl"] = "http://127.0.0.1:0",
        }, services => services.Configure<BriefingOptions>(o => o.FontPath = Path.Combine(AppContext.BaseDirectory, "config", "fonts")));
        return (fake, host);
    }

    private static BriefingDelivery Delivery(Reply briefing, string nonce = "b0123456789abcdef01234567") =>
        new(new BriefingChannel("discord", Channel), briefing, nonce, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_briefing_is_posted_with_a_nonce_no_pings_and_its_picture()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var composer = host.Get<BriefingComposer>();
        var briefing = composer.Compose(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow) with
        {
            Attachments = [new ReplyAttachment("contacts.png", "image/png", [0x89, 0x50, 0x4E, 0x47], "Who spoke to whom")],
        };
        var publisher = host.Host.Services.GetServices<IBriefingPublisher>().Single(p => p.Platform == "discord");

        var id = await publisher.PublishAsync(Delivery(briefing), CancellationToken.None);

        var message = fake.Messages[0];
        Assert.Equal(message.Id, id);
        Assert.Equal(Channel, message.Channel);
        Assert.Equal("b0123456789abcdef01234567", message.Payload.GetProperty("nonce").GetString());
        Assert.True(message.Payload.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal(0, message.Payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("contacts.png", message.Payload.GetProperty("attachments")[0].GetProperty("filename").GetString());
        DiscordSpec.Shared.AssertValid(message.Payload.GetRawText(), "MessageCreateRequest");
        var request = fake.Requests.First(r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Contains("name=\"files[0]\"; filename=contacts.png", request.Body);
        Assert.All(fake.Messages.Skip(1), m => Assert.False(m.Payload.TryGetProperty("attachments", out var none)));
        Assert.Contains("`T4` New term: Ground combat", string.Join("\n", fake.Messages.Select(m => m.Payload.GetRawText())));
    }

    [Fact]
    public async Task Sending_the_same_briefing_again_returns_the_first_message_instead_of_a_second()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var publisher = host.Host.Services.GetServices<IBriefingPublisher>().Single(p => p.Platform == "discord");
        var briefing = host.Get<BriefingComposer>().Compose(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow);

        var first = await publisher.PublishAsync(Delivery(briefing), CancellationToken.None);
        var again = await publisher.PublishAsync(Delivery(briefing), CancellationToken.None);

        Assert.Equal(first, again);
        var parts = fake.Messages.Count;
        Assert.Equal(2 * parts, fake.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)));
        Assert.Equal(parts, fake.Messages.Select(m => m.Payload.GetProperty("nonce").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_long_briefing_is_split_across_messages_within_the_limits_and_loses_no_line()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var lines = Enumerable.Range(1, 120).Select(i => new ReplyLine($"Change number {i}: " + new string('x', 150),
            new LineProvenance(new Knowledge.FactCode(Knowledge.FactKind.Term, i), new Knowledge.SourceRef("Reuters"), Knowledge.Confidence.Reported,
                DateTimeOffset.UtcNow, false))).ToList();
        var briefing = new Reply("Briefing of today", [new ReplySection("What changed", lines), new ReplySection("Aid", [new ReplyLine("No aid streams recorded.")])],
            "Footer");
        var publisher = host.Host.Services.GetServices<IBriefingPublisher>().Single(p => p.Platform == "discord");

        await publisher.PublishAsync(Delivery(briefing), CancellationToken.None);

        var messages = fake.Messages;
        Assert.True(messages.Count > 1, "split into several messages");
        Assert.Equal(messages.Count, messages.Select(m => m.Payload.GetProperty("nonce").GetString()).Distinct().Count());
        var all = string.Join("\n", messages.Select(m => m.Payload.GetRawText()));
        for (var i = 1; i <= 120; i++) Assert.Contains($"Change number {i}:", all);
        Assert.DoesNotContain("more", string.Join("\n", messages.SelectMany(m => m.Payload.GetProperty("embeds").EnumerateArray())
            .Select(e => e.TryGetProperty("description", out var d) ? d.GetString()!.Split('\n').Last() : "")));
        foreach (var (_, _, payload) in messages)
        {
            DiscordSpec.Shared.AssertValid(payload.GetRawText(), "MessageCreateRequest");
            var embeds = payload.GetProperty("embeds").EnumerateArray().ToList();
            Assert.InRange(embeds.Count, 1, 10);
            Assert.True(embeds.Sum(e => Length(e, "title") + Length(e, "description") + (e.TryGetProperty("footer", out var f) ? Length(f, "text") : 0)) <= 6000);
        }
        Assert.Contains("(1/", messages[0].Payload.GetRawText());
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_in_becomes_a_clear_delivery_error()
    {
        var (fake, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        fake.Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? new FakeResponse(403, """{"message":"Missing Access","code":50001}""")
            : null;
        var publisher = host.Host.Services.GetServices<IBriefingPublisher>().Single(p => p.Platform == "discord");
        var e = await Assert.ThrowsAsync<BriefingDeliveryException>(() =>
            publisher.PublishAsync(Delivery(new Reply("Briefing", [])), CancellationToken.None));
        Assert.Contains("may no longer post in channel 1145141919810899700 (50001)", e.Message);
        Assert.Single(fake.Requests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
    }

    private static int Length(System.Text.Json.JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()!.Length : 0;
}
