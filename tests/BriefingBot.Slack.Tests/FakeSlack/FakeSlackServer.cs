using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Tests.FakeSlack;

/// <summary>One Web API request as the fake received it.</summary>
public sealed record ApiCall(string Method, IReadOnlyDictionary<string, string> Form, string? Authorization, DateTimeOffset At, int Status);

/// <summary>A POST to a response_url.</summary>
public sealed record ResponsePost(string Id, JsonObject Body, DateTimeOffset At);

/// <summary>
/// Slack on 127.0.0.1 for tests: the Web API (apps.connections.open, chat.postMessage, the external upload flow),
/// Socket Mode WebSockets, upload URLs and response_urls. Time stamps come from the test's fake clock. It checks every
/// Web API call against slack-web-openapi.json, and can be told to answer 429 or ok:false, or to misbehave on a socket.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly string _botToken, _appToken;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter, string Body)>> _scripted = new();
    private readonly List<FakeSocket> _sockets = [];
    private readonly TaskCompletionSource _started = new();
    private int _openSockets, _ts;

    private FakeSlackServer(TimeProvider time, string botToken, string appToken)
    {
        _time = time;
        _botToken = botToken;
        _appToken = appToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/api/{method}", (Delegate)ApiAsync);
        _app.Map("/link", (Delegate)SocketAsync);
        _app.MapPost("/upload/{id}", (Delegate)UploadAsync);
        _app.MapPost("/respond/{id}", (Delegate)RespondAsync);
    }

    public static async Task<FakeSlackServer> StartAsync(TimeProvider time, string botToken, string appToken)
    {
        var server = new FakeSlackServer(time, botToken, appToken);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First().TrimEnd('/') + "/";
        return server;
    }

    public string BaseUrl { get; private set; } = "";
    public string ApiBaseUrl => BaseUrl + "api/";
    public string ResponseUrl(string id) => BaseUrl + "respond/" + id;

    public ConcurrentQueue<ApiCall> Calls { get; } = new();
    public ConcurrentQueue<ResponsePost> Responses { get; } = new();
    public ConcurrentQueue<(string Id, byte[] Bytes)> Uploads { get; } = new();

    /// <summary>Payloads we sent that slack-web-openapi.json does not allow.</summary>
    public ConcurrentQueue<string> SpecViolations { get; } = new();

    /// <summary>The one-time tickets handed out in socket URLs, so tests can check they never reach a log.</summary>
    public ConcurrentQueue<string> Tickets { get; } = new();

    /// <summary>How many sockets were open at each apps.connections.open: always 0 for a client that closes before reopening.</summary>
    public ConcurrentQueue<int> OpenSocketsAtOpen { get; } = new();

    public int MaxOpenSockets { get; private set; }
    public int OpenSockets => Volatile.Read(ref _openSockets);
    public bool SendHello { get; set; } = true;

    /// <summary>Sockets to cut as soon as they open (before hello), to test back-off.</summary>
    public int DropOnConnect { get; set; }

    public IReadOnlyList<FakeSocket> Sockets
    {
        get { lock (_sockets) return _sockets.ToList(); }
    }

    public FakeSocket? Current => (Sockets is [.., var last] ? last : null);

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public void Answer429(string method, int retryAfterSeconds) => Script(method, 429, retryAfterSeconds, """{"ok":false,"error":"ratelimited"}""");

    public void AnswerError(string method, string error) => Script(method, 200, null, $$"""{"ok":false,"error":"{{error}}"}""");

    public void AnswerStatus(string method, int status) => Script(method, status, null, "upstream trouble");

    private void Script(string method, int status, int? retryAfter, string body) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue((status, retryAfter, body));

    private async Task ApiAsync(HttpContext context, string method)
    {
        var form = (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var auth = context.Request.Headers.Authorization.ToString();
        var expected = "Bearer " + (method == "apps.connections.open" ? _appToken : _botToken);
        foreach (var problem in SlackWebSpec.Check(method, form)) SpecViolations.Enqueue($"{method}: {problem}");
        var (status, retryAfter, body) = auth != expected
            ? (200, null, """{"ok":false,"error":"invalid_auth"}""")
            : _scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) ? scripted : (200, (int?)null, Success(method, form));
        if (method == "apps.connections.open") OpenSocketsAtOpen.Enqueue(OpenSockets);
        Calls.Enqueue(new ApiCall(method, form, auth, _time.GetUtcNow(), status));
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    private string Success(string method, Dictionary<string, string> form)
    {
        var ts = $"1741597200.{Interlocked.Increment(ref _ts):000000}";
        switch (method)
        {
            case "apps.connections.open":
                var ticket = "tkt-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
                Tickets.Enqueue(ticket);
                return new JsonObject { ["ok"] = true, ["url"] = BaseUrl.Replace("http://", "ws://") + "link/?ticket=" + ticket }.ToJsonString();
            case "chat.postMessage":
                return new JsonObject
                {
                    ["ok"] = true,
                    ["channel"] = form.GetValueOrDefault("channel"),
                    ["ts"] = ts,
                    ["message"] = new JsonObject { ["type"] = "message", ["text"] = form.GetValueOrDefault("text"), ["ts"] = ts },
                }.ToJsonString();
            case "files.getUploadURLExternal":
                var id = "F" + Interlocked.Increment(ref _ts);
                return new JsonObject { ["ok"] = true, ["upload_url"] = BaseUrl + "upload/" + id, ["file_id"] = id }.ToJsonString();
            case "files.completeUploadExternal":
                return new JsonObject { ["ok"] = true, ["files"] = JsonNode.Parse(form.GetValueOrDefault("files") ?? "[]") }.ToJsonString();
            default:
                return """{"ok":true}""";
        }
    }

    private async Task SocketAsync(HttpContext context)
    {
        // Upgraded by hand rather than with UseWebSockets, so the stream under the socket can be made to go silent.
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var key = context.Request.Headers["Sec-WebSocket-Key"].ToString();
        if (upgrade is not { IsUpgradableRequest: true } || key.Length == 0 || !context.Request.Query.ContainsKey("ticket"))
        {
            context.Response.StatusCode = 400;
            return;
        }
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers["Sec-WebSocket-Accept"] =
            Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var stream = new GatedStream(await upgrade.UpgradeAsync());
        var ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        var open = Interlocked.Increment(ref _openSockets);
        FakeSocket socket;
        lock (_sockets)
        {
            MaxOpenSockets = Math.Max(MaxOpenSockets, open);
            socket = new FakeSocket(_sockets.Count + 1, ws, stream, _time.GetUtcNow(), () => Interlocked.Decrement(ref _openSockets), context.Abort)
            {
                Ticket = context.Request.Query["ticket"].ToString(),
            };
            _sockets.Add(socket);
        }
        if (DropOnConnect > 0)
        {
            DropOnConnect--;
            socket.Drop();
            return;
        }
        var run = socket.RunAsync();
        if (SendHello) await socket.SendHelloAsync();
        await run;
    }

    private async Task UploadAsync(HttpContext context, string id)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        Uploads.Enqueue((id, buffer.ToArray()));
        await context.Response.WriteAsync($"OK - {buffer.Length}");
    }

    private async Task RespondAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        // response_url is not in the Web API spec; check what Slack documents for it: a type, fallback text, valid blocks.
        if ((string?)body["response_type"] is not ("in_channel" or "ephemeral")) SpecViolations.Enqueue("response_url: response_type");
        if (string.IsNullOrEmpty((string?)body["text"])) SpecViolations.Enqueue("response_url: no fallback text");
        if (body["blocks"] is { } blocks)
            foreach (var problem in BlockKit.Check(blocks.ToJsonString())) SpecViolations.Enqueue("response_url: " + problem);
        Responses.Enqueue(new ResponsePost(id, body, _time.GetUtcNow()));
        await context.Response.WriteAsync("ok");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in Sockets) socket.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
