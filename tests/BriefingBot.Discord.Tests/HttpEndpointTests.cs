using System.Net;
using System.Text;
using System.Text.Json;
using BriefingBot.Discord.Http;
using BriefingBot.Discord.Tests.Fakes;
using NSec.Cryptography;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// HTTP mode: Kestrel on 127.0.0.1 with the real endpoint, signed with a key the test makes. Only correctly signed
/// requests reach the handler; PING is answered; commands answer inline as type 4.
/// </summary>
public sealed class HttpEndpointTests : IAsyncLifetime
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly GatedHandler _slow = new("help");
    private FakeDiscord _discord = null!;
    private DoorHost _bot = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await DoorHost.StartAsync(_discord, new()
        {
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant(),
            ["Discord:HttpListenUrl"] = "http://127.0.0.1:0",
            ["Discord:DeferAfter"] = "00:00:00.2",
        }, GatedHandler.Install(_slow, typeof(BriefingBot.Answers.HelpAnswer)));
        _url = _bot.Get<BriefingBot.Doors.Http.DoorWebHost>().Addresses.Single() + InteractionEndpoint.Path;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? timestamp = "1700000000", string? signature = null, Key? signer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (timestamp is not null) request.Headers.Add("X-Signature-Timestamp", timestamp);
        signature ??= timestamp is null ? null : Convert.ToHexString(Ed25519.Sign(signer ?? _key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();
        if (signature is not null) request.Headers.Add("X-Signature-Ed25519", signature);
        return _http.SendAsync(request);
    }

    private const string Ping = """{"id":"787053080478613555","token":"ThisIsATokenFromDiscordThatIsVeryLong","type":1,"version":1}""";

    [Fact]
    public async Task A_signed_ping_gets_a_pong()
    {
        using var response = await PostAsync(Ping);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        DiscordSpec.Shared.AssertValid(await response.Content.ReadAsStringAsync(), "PongInteractionCallbackRequest");
    }

    [Fact]
    public async Task Missing_malformed_or_forged_signatures_get_401()
    {
        var other = Key.Create(Ed25519);
        var good = Convert.ToHexString(Ed25519.Sign(_key, Encoding.UTF8.GetBytes("1700000000" + Ping)));
        var cases = new List<HttpResponseMessage>
        {
            await PostAsync(Ping, timestamp: null),
            await PostAsync(Ping, signature: "zz" + new string('0', 126)),
            await PostAsync(Ping, signature: "abcd"),
            await PostAsync(Ping, signer: other),
            await PostAsync(Ping.Replace("\"type\":1", "\"type\":1 "), signature: good),
            await PostAsync(Ping, timestamp: "1700000001", signature: good),
        };
        Assert.All(cases, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task A_forged_command_reaches_no_handler()
    {
        var id = Payloads.NewId();
        var body = Payloads.Command(id, "terms");
        using (var forged = await PostAsync(body, signer: Key.Create(Ed25519)))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        // Had the forged copy reached the handler it would have been taken, and this genuine one refused as a repeat.
        using var genuine = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(4, JsonDocument.Parse(await genuine.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        Assert.DoesNotContain(_discord.Requests, r => r.Path.Contains("/interactions/"));
    }

    [Fact]
    public async Task A_signed_command_is_answered_inline_once()
    {
        var id = Payloads.NewId();
        var body = Payloads.Command(id, "terms");
        using var response = await PostAsync(body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.OK == response.StatusCode, _bot.Logs.All);
        DiscordSpec.Shared.AssertValid(json, "CreateMessageInteractionCallbackRequest");
        Assert.Contains("Reuters", json);
        using var repeat = await PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal("", await repeat.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_slow_command_is_deferred_in_the_response_and_edited_in_over_REST()
    {
        var id = Payloads.NewId();
        var body = Payloads.Command(id, "help");
        using var response = await PostAsync(body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"type":5,"data":{}}""", json);

        _slow.Release(new BriefingBot.Replies.Reply("Slow but sure", []));
        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/api/v10/webhooks/{FakeDiscord.ApplicationId}/", edit.Path[..($"/api/v10/webhooks/{FakeDiscord.ApplicationId}/".Length)]);
        Assert.EndsWith($"-{id}/messages/@original", edit.Path);
        Assert.Contains("Slow but sure", edit.Body);
        Assert.DoesNotContain(_discord.Requests, r => r.Path.Contains("/callback"));
    }

    [Fact]
    public void The_verifier_agrees_with_RFC_8032_test_2()
    {
        // TEST 2: the message is the single byte 0x72 ("r"); split as timestamp "r" and an empty body.
        var verifier = new SignatureVerifier("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        const string signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";
        Assert.True(verifier.Verify("r", [], signature));
        Assert.False(verifier.Verify("s", [], signature));
        Assert.False(verifier.Verify("r", [0x00], signature));
    }

    [Fact]
    public void The_RFC_8032_test_1_key_signs_a_ping_the_verifier_accepts()
    {
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        using var key = Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant());
        // TEST 1 itself: the empty message's signature.
        Assert.Equal("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexString(Ed25519.Sign(key, [])).ToLowerInvariant());
        var verifier = new SignatureVerifier("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var body = Encoding.UTF8.GetBytes(Ping);
        var signature = Convert.ToHexString(Ed25519.Sign(key, Encoding.UTF8.GetBytes("1700000000" + Ping)));
        Assert.True(verifier.Verify("1700000000", body, signature));
        Assert.False(verifier.Verify("1700000000", body, signature[..^2] + (signature.EndsWith("00", StringComparison.Ordinal) ? "01" : "00")));
        Assert.False(new SignatureVerifier("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c").Verify("1700000000", body, signature));
        Assert.False(new SignatureVerifier("not hex at all").Verify("1700000000", body, signature));
    }
}
