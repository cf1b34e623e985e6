using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>One HTTP request the bot sent to the fake REST API.</summary>
public sealed record RecordedRequest(int Index, string Method, string Path, string Body, string? Authorization, string UserAgent, DateTimeOffset At)
{
    /// <summary>The status the fake answered with: what the bot was told about this request.</summary>
    public int Status { get; init; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>What the fake answers instead of its normal reply; tests use it to send 429s and 500s.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A Discord on 127.0.0.1 for tests: the gateway (WebSocket, at /gateway and /resume) and the REST endpoints the door
/// uses, recording every request. It can restart, forgetting every session, as Discord's own servers do.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string Token = "MTE0NTE0MTkxOTgxMDg5OTUw.FAKE.s3cr3t-t0ken-that-must-never-be-logged";
    public const string ApplicationId = "1145141919810899501";
    public const string BotUserId = "1145141919810899502";

    /// <summary>A session the fake remembers between a connection and its resume.</summary>
    public sealed class Session(string id)
    {
        private readonly List<(int Seq, string Frame)> _sent = [];
        private int _sequence;
        public string Id { get; } = id;
        public int Sequence => Volatile.Read(ref _sequence);

        /// <summary>Numbers and keeps a dispatch, so a resume can replay what the bot missed, as Discord does.</summary>
        public string Dispatch(Func<int, string> frame)
        {
            lock (_sent)
            {
                var seq = Interlocked.Increment(ref _sequence);
                var text = frame(seq);
                _sent.Add((seq, text));
                return text;
            }
        }

        public IReadOnlyList<string> After(long seq)
        {
            lock (_sent) return _sent.Where(s => s.Seq > seq).Select(s => s.Frame).ToList();
        }
    }

    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _commands = new();
    private readonly ConcurrentQueue<(JsonElement Payload, DateTimeOffset At)> _gatewayPayloads = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentBag<FakeGatewayConnection> _live = [];
    private WebApplication _app = null!;
    private int _port;

    private FakeDiscord(TimeProvider? clock) => _clock = clock ?? TimeProvider.System;

    public static async Task<FakeDiscord> StartAsync(TimeProvider? clock = null)
    {
        var fake = new FakeDiscord(clock);
        await fake.ListenAsync(0);
        return fake;
    }

    public string ApiUrl => $"http://127.0.0.1:{_port}/api/v10";
    public string GatewayUrl => $"ws://127.0.0.1:{_port}/gateway";
    public string ResumeUrl => $"ws://127.0.0.1:{_port}/resume";

    /// <summary>
    /// What <c>GET /applications/@me</c> says of Public Bot. Off by default, as the README's setup steps leave it; Discord's
    /// own default is on, which tests of the safe defaults set.
    /// </summary>
    public bool BotPublic { get; set; }

    /// <summary>Decides the answer to a request; null means the normal answer.</summary>
    public Func<RecordedRequest, FakeResponse?>? Intercept { get; set; }

    public int ConnectionCount { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Everything the bot sent on any gateway connection (heartbeats, Identify and Resume included).</summary>
    public IReadOnlyList<JsonElement> GatewayPayloads => _gatewayPayloads.Select(p => p.Payload).ToList();

    /// <summary>The same, each with the fake's clock time when it arrived (a fake clock's, when the test gave one).</summary>
    public IReadOnlyList<(JsonElement Payload, DateTimeOffset At)> GatewayLog => _gatewayPayloads.ToList();

    internal void Saw(JsonElement payload) => _gatewayPayloads.Enqueue((payload, _clock.GetUtcNow()));

    internal Session NewSession(string id) => _sessions[id] = new Session(id);

    internal Session? FindSession(string id) => _sessions.GetValueOrDefault(id);

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _connections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The bot did not connect to the fake gateway in time.");
        }
    }

    /// <summary>True when the bot opens no new gateway connection within <paramref name="within"/>.</summary>
    public async Task<bool> StaysDisconnectedAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            await _connections.Reader.WaitToReadAsync(cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(5);
        }
        throw new TimeoutException("The bot did not send the expected request in time. It sent:\n" +
                                   string.Join("\n", Requests.Select(r => $"{r.Method} {r.Path}")));
    }

    public IReadOnlyList<RecordedRequest> CallbacksFor(string interactionId) =>
        Requests.Where(r => r.Method == "POST" && r.Path.StartsWith($"/api/v10/interactions/{interactionId}/", StringComparison.Ordinal)).ToList();

    public Task<RecordedRequest> WaitForCallbackAsync(string interactionId, TimeSpan? timeout = null) =>
        WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith($"/api/v10/interactions/{interactionId}/", StringComparison.Ordinal), timeout);

    /// <summary>Stops the server, dropping every connection, and starts a fresh one on the same port that knows no sessions.</summary>
    public async Task RestartAsync()
    {
        foreach (var connection in _live) connection.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sessions.Clear();
        await ListenAsync(_port);
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/gateway", GatewayAsync);
        app.Map("/resume", GatewayAsync);
        app.MapGet("/api/v10/gateway/bot", (RequestDelegate)(ctx => RestAsync(ctx, () => (200,
            $$$"""{"url":"{{{GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""))));
        app.MapGet("/api/v10/applications/@me", (RequestDelegate)(ctx => RestAsync(ctx, () => (200, Application()))));
        app.MapMethods("/api/v10/applications/{**rest}", ["GET", "PUT"], (RequestDelegate)(ctx => RestAsync(ctx, () => Commands(ctx))));
        app.MapPost("/api/v10/channels/{id}/messages", (RequestDelegate)(ctx => RestAsync(ctx, () => CreateMessage(ctx))));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (RequestDelegate)(ctx => RestAsync(ctx, () => (204, ""))));
        app.MapMethods("/api/v10/webhooks/{**rest}", ["POST", "PATCH", "DELETE"], (RequestDelegate)(ctx => RestAsync(ctx, () =>
            ctx.Request.Method == "DELETE" ? (204, "") : (200, """{"id":"1145141919810899599","type":20,"content":""}"""))));
        await app.StartAsync();
        _app = app;
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    /// <summary>Messages created per channel; with <c>enforce_nonce</c> a repeated nonce returns the first message, as Discord does.</summary>
    public IReadOnlyList<(string Channel, string Id, JsonElement Payload)> Messages { get { lock (_messages) return _messages.ToList(); } }

    private readonly List<(string Channel, string Id, JsonElement Payload)> _messages = [];

    private (int, string) CreateMessage(HttpContext ctx)
    {
        var channel = (string)ctx.Request.RouteValues["id"]!;
        var body = ctx.Items["body"] as string ?? "{}";
        var payload = JsonDocument.Parse(PayloadJson(body, ctx.Request.ContentType)).RootElement.Clone();
        lock (_messages)
        {
            if (payload.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True
                && payload.TryGetProperty("nonce", out var nonce)
                && _messages.FirstOrDefault(m => m.Channel == channel && m.Payload.TryGetProperty("nonce", out var n) && n.GetString() == nonce.GetString()) is { Id: not null } earlier)
                return (200, $$"""{"id":"{{earlier.Id}}","type":0,"channel_id":"{{channel}}"}""");
            var id = (1145141919810899600UL + (ulong)_messages.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _messages.Add((channel, id, payload));
            return (200, $$"""{"id":"{{id}}","type":0,"channel_id":"{{channel}}"}""");
        }
    }

    /// <summary>The JSON of a message: the body itself, or its <c>payload_json</c> part when files come with it.</summary>
    public static string PayloadJson(string body, string? contentType)
    {
        if (contentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true) return body;
        var start = body.IndexOf("name=payload_json", StringComparison.Ordinal);
        var json = body.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
        return body[json..body.IndexOf("\r\n--", json, StringComparison.Ordinal)];
    }

    /// <summary>The application as Discord describes it (PrivateApplicationResponse), owned by a user rather than a team.</summary>
    private string Application() =>
        $$"""
        {"id":"{{ApplicationId}}","name":"BriefingBot","icon":null,"description":"","type":null,
         "bot":{"id":"{{BotUserId}}","username":"BriefingBot","avatar":null,"discriminator":"0","public_flags":0,"flags":0,"bot":true,"global_name":null,"primary_guild":null},
         "bot_public":{{(BotPublic ? "true" : "false")}},"bot_require_code_grant":false,
         "verify_key":"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a","flags":0,"flags_new":"0","redirect_uris":[],
         "interactions_endpoint_url":null,"role_connections_verification_url":null,
         "owner":{"id":"53908232506183681","username":"teamowner","avatar":null,"discriminator":"0","public_flags":0,"flags":0,"global_name":"Team Owner","primary_guild":null},
         "approximate_guild_count":1,"approximate_user_install_count":0,"approximate_user_authorization_count":0,
         "explicit_content_filter":0,"team":null,"eligible_oauth2_scopes":["applications.commands","bot"]}
        """;

    private (int, string) Commands(HttpContext ctx)
    {
        var key = ctx.Request.Path.Value!;
        if (ctx.Request.Method == "GET") return (200, _commands.GetValueOrDefault(key, "[]"));
        var body = ctx.Items["body"] as string ?? "[]";
        _commands[key] = body;
        return (200, body);
    }

    private async Task RestAsync(HttpContext ctx, Func<(int Status, string Body)> answer)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        ctx.Items["body"] = body;
        RecordedRequest request;
        lock (_requests)
        {
            request = new RecordedRequest(_requests.Count, ctx.Request.Method, ctx.Request.Path.Value!, body,
                ctx.Request.Headers.Authorization.ToString(), ctx.Request.Headers.UserAgent.ToString(), _clock.GetUtcNow());
        }
        if (Intercept?.Invoke(request) is { } instead)
        {
            lock (_requests) _requests.Add(request with { Index = _requests.Count, Status = instead.Status });
            ctx.Response.StatusCode = instead.Status;
            foreach (var (name, value) in instead.Headers ?? new Dictionary<string, string>()) ctx.Response.Headers[name] = value;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(instead.Body);
            return;
        }
        var (status, text) = answer();
        lock (_requests) _requests.Add(request with { Index = _requests.Count, Status = status });
        ctx.Response.StatusCode = status;
        if (text.Length > 0)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(text);
        }
    }

    private async Task GatewayAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, ctx, this);
        ConnectionCount++;
        _live.Add(connection);
        await _connections.Writer.WriteAsync(connection);
        await connection.Done;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _live) connection.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
