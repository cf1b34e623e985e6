using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BriefingBot.Discord;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Benchmarks.Discord;

/// <summary>
/// The gateway receive loop's work for one 2 KB INTERACTION_CREATE frame: read the envelope, read the interaction,
/// queue it for a worker (the same three calls <see cref="GatewayClient"/> makes). For comparison: System.Text.Json's
/// JsonDocument over the same bytes, and the worker-side mapping to the core's Invocation.
/// </summary>
[MemoryDiagnoser]
public class GatewayDispatchBenchmarks
{
    private byte[] _frame = [];
    private InteractionQueue _queue = null!;
    private InvocationMapper _mapper = null!;
    private Interaction _interaction = null!;

    /// <summary>A slash-command interaction as Discord sends it today (channel and member objects included), about 2 KB.</summary>
    public static byte[] Frame()
    {
        const string token = "aW50ZXJhY3Rpb246MTMxMjM0NTY3ODkwMTIzNDU2Nzg6OEhOVnNoZWNwUlBXNUxnNmRSb3dPTWtjbFZhWVFTUUkwT2pQYVRzTjdpMnlVYkVkbkRxSmJ3dU9BcUdWeU1tVzNvQUZ5bDVQaWtTa0lPTnBYYXB1Z3dqZWtSTmZJRGlQdGRWVWR0a0pHV3RRVTdyY0JiVWx2V0FBR2NNT3lReXhJeA";
        var json = """
        {"t":"INTERACTION_CREATE","s":27,"op":0,"d":{"version":1,"type":2,"token":"TOKEN","member":{"user":{"username":"mason","public_flags":0,"primary_guild":null,"id":"539082325061836800","global_name":"Mason","display_name_styles":null,"discriminator":"0","collectibles":null,"clan":null,"avatar_decoration_data":null,"avatar":"a_d5efa99b3eeaa7dd43acca82f5692432"},"unusual_dm_activity_until":null,"roles":["539082325061836999","1145141919810899000"],"premium_since":null,"permissions":"2222085186637376","pending":false,"nick":null,"mute":false,"joined_at":"2024-03-13T19:19:14.040000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},"locale":"en-GB","id":"1312345678901234567","guild_locale":"en-US","guild_id":"290926798626357999","guild":{"locale":"en-US","id":"290926798626357999","features":["COMMUNITY","NEWS","ANIMATED_ICON","INVITE_SPLASH"]},"entitlement_sku_ids":[],"entitlements":[],"data":{"type":1,"options":[{"value":"Emmanuel Macron","type":3,"name":"person"},{"value":"2025-03-01","type":3,"name":"since"},{"value":"call","type":3,"name":"kind"}],"name":"contacts","id":"1312345678901234000","guild_id":"290926798626357999"},"context":0,"channel_id":"645027906669510667","channel":{"type":0,"topic":"Where the team follows the talks","theme_color":null,"rate_limit_per_user":0,"position":3,"permissions":"2222085186637376","parent_id":"645027906669510600","nsfw":false,"name":"ukraine-briefing","last_message_id":"1312345678901234500","id":"645027906669510667","icon_emoji":null,"guild_id":"290926798626357999","flags":0},"authorizing_integration_owners":{"0":"290926798626357999"},"attachment_size_limit":10485760,"application_id":"1145141919810899501","app_permissions":"2222085186637376"}}
        """.Trim().Replace("TOKEN", token);
        return Encoding.UTF8.GetBytes(json);
    }

    [GlobalSetup]
    public void Setup()
    {
        _frame = Frame();
        var options = Options.Create(new DiscordOptions { QueueCapacity = 1024 });
        _queue = new InteractionQueue(options);
        _mapper = new InvocationMapper(options, TimeProvider.System);
        _interaction = InteractionReader.Read(GatewayFrame.Read(_frame).Data(_frame));
        Console.WriteLine($"// INTERACTION_CREATE frame: {_frame.Length} bytes");
    }

    [Benchmark(Description = "frame bytes -> queued interaction")]
    public bool DispatchToQueue()
    {
        var frame = GatewayFrame.Read(_frame);
        var interaction = InteractionReader.Read(frame.Data(_frame));
        var queued = _queue.TryEnqueue(interaction);
        _queue.Reader.TryRead(out _);
        return queued;
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (reference)")]
    public int JsonDocumentParse()
    {
        using var doc = JsonDocument.Parse(_frame);
        return doc.RootElement.GetProperty("op").GetInt32();
    }

    [Benchmark(Description = "worker: interaction -> core Invocation")]
    public object MapToInvocation() => _mapper.Map(_interaction);
}
