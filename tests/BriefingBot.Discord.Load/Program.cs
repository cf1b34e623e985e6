// HTTP-mode load test. Two ways to run it:
//   dotnet run -c Release --project tests/BriefingBot.Discord.Load -- [requests] [concurrency]
//     starts the real door in HTTP mode on 127.0.0.1 (core on a seeded SQLite file, a key made here), POSTs correctly
//     signed /terms interactions, each with its own id, and reports requests per second and latency percentiles.
//   dotnet run -c Release --project tests/BriefingBot.Discord.Load -- emit DIR [requests]
//     writes DIR/public-key.txt and DIR/requests.txt (timestamp, signature, body per line) for wrk with
//     DIR/signed.lua against the real program run separately (see the README's Discord section).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BriefingBot;
using BriefingBot.Discord;
using BriefingBot.Discord.Http;
using BriefingBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSec.Cryptography;

if (args.Length > 1 && args[0] == "emit")
{
    var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 150_000;
    Directory.CreateDirectory(args[1]);
    using var signer = Key.Create(SignatureAlgorithm.Ed25519);
    await File.WriteAllTextAsync(Path.Combine(args[1], "public-key.txt"), Convert.ToHexString(signer.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
    await using var lines = new StreamWriter(Path.Combine(args[1], "requests.txt"));
    var at = DateTimeOffset.UtcNow;
    for (var i = 0; i < count; i++)
    {
        var (body, timestamp, signature) = Signed(signer, at, i);
        await lines.WriteLineAsync($"{timestamp}\t{signature}\t{Encoding.UTF8.GetString(body)}");
    }
    await File.WriteAllTextAsync(Path.Combine(args[1], "signed.lua"), """
        -- Cycles through pre-signed, distinct interactions; wrk reports any answer that is not 2xx.
        local requests, i = {}, tonumber(os.getenv("START") or "0")
        function init(args)
          for line in io.lines(os.getenv("REQUESTS") or "requests.txt") do
            local ts, sig, body = line:match("^(%d+)\t(%x+)\t(.*)$")
            requests[#requests + 1] = wrk.format("POST", nil, {["Content-Type"] = "application/json",
              ["X-Signature-Timestamp"] = ts, ["X-Signature-Ed25519"] = sig}, body)
          end
        end
        function request() i = i % #requests + 1; return requests[i] end
        """);
    Console.WriteLine($"Wrote {count} signed requests to {args[1]}; public key in public-key.txt");
    return;
}

(byte[] Body, string Timestamp, string Signature) Signed(Key signer, DateTimeOffset at, int i)
{
    var id = Snowflake.At(at, (ulong)i).ToString();
    var body = $$$"""{"id":"{{{id}}}","application_id":"1145141919810899501","type":2,"token":"tok-{{{id}}}","version":1,"guild_id":"290926798626357999","channel_id":"645027906669510667","locale":"en-GB","member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason"},"roles":[],"permissions":"1024"},"data":{"id":"771825006014889984","name":"terms","type":1}}""";
    var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(signer, Encoding.UTF8.GetBytes(timestamp + body)));
    return (Encoding.UTF8.GetBytes(body), timestamp, signature);
}

var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var folder = Path.Combine(Path.GetTempPath(), "briefingbot-load", Guid.NewGuid().ToString("n"));
Directory.CreateDirectory(folder);
var alg = SignatureAlgorithm.Ed25519;
using var key = Key.Create(alg);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Discord:Token"] = "load-test-token",
    ["Discord:Mode"] = "Http",
    ["Discord:ApplicationId"] = "1145141919810899501",
    ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
    ["Discord:HttpListenUrl"] = "http://127.0.0.1:0",
    // Nothing listens here: command registration fails quietly and the load sees only the endpoint.
    ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
    ["Storage:Path"] = Path.Combine(folder, "knowledge.db"),
    ["Storage:SeedPath"] = Path.Combine(AppContext.BaseDirectory, "config", "seed"),
});
builder.Services.AddBriefingCore(builder.Configuration);
builder.Services.AddDiscordDoor(builder.Configuration);
using var host = builder.Build();
host.Services.GetRequiredService<KnowledgeStartup>().Start();
await host.StartAsync();
var url = host.Services.GetRequiredService<BriefingBot.Doors.Http.DoorWebHost>().Addresses.Single() + InteractionEndpoint.Path;

// Every request is a distinct interaction (the door answers an id once), signed over timestamp + body.
var start = DateTimeOffset.UtcNow;
var requests = Enumerable.Range(0, total + 2000).Select(i => Signed(key, start, i)).ToArray();

if (Environment.GetEnvironmentVariable("LOAD_PROFILE") == "1")
{
    // Where a request's time and allocations go, step by step, on this host (no socket): each step 2,000 times after
    // 500 warm-ups. Steps that take an interaction on use interactions of their own, so the load run's stay fresh.
    var extra = Enumerable.Range(total + 2000, 5000).Select(i => Signed(key, start, i)).ToArray();
    var verifier = host.Services.GetRequiredService<SignatureVerifier>();
    var router = host.Services.GetRequiredService<BriefingBot.Commands.CommandRouter>();
    var mapper = host.Services.GetRequiredService<BriefingBot.Discord.Interactions.InvocationMapper>();
    var renderer = host.Services.GetRequiredService<BriefingBot.Discord.Rendering.EmbedRenderer>();
    var handler = host.Services.GetRequiredService<BriefingBot.Discord.Interactions.InteractionHandler>();
    var endpoint = host.Services.GetRequiredService<InteractionEndpoint>();
    var used = 0;
    async Task Time(string name, Func<int, ValueTask> step)
    {
        for (var i = 0; i < 500; i++) await step(i);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        // CPU time beside the wall clock: on a shared machine the wall clock counts the time others had the cores.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++) await step(i);
        sw.Stop();
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / 2000;
        Console.WriteLine($"{name,-34} {sw.Elapsed.TotalMicroseconds / 2000,8:F1} us {cpuUs,8:F1} us CPU {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 2000,8:N0} B");
    }
    await Time("verify the signature", i => { verifier.Verify(requests[i].Timestamp, requests[i].Body, requests[i].Signature); return ValueTask.CompletedTask; });
    await Time("read the interaction", i => { BriefingBot.Discord.Interactions.InteractionReader.Read(requests[i].Body); return ValueTask.CompletedTask; });
    var interaction = BriefingBot.Discord.Interactions.InteractionReader.Read(requests[0].Body);
    await Time("map to an invocation", _ => { mapper.Map(interaction); return ValueTask.CompletedTask; });
    await Time("route /terms (answer cache)", async _ => await router.RouteAsync(mapper.Map(interaction)));
    var reply = await router.RouteAsync(mapper.Map(interaction));
    await Time("render the embed", _ => { renderer.Render(reply); return ValueTask.CompletedTask; });
    await Time("render + serialise the response", _ => { System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(BriefingBot.Discord.Rendering.InteractionResponse.Message(renderer.Render(reply))); return ValueTask.CompletedTask; });
    await Time("interaction handler, whole", async _ =>
    {
        var (body, _, _) = extra[used++ % extra.Length];
        await handler.HandleAsync(BriefingBot.Discord.Interactions.InteractionReader.Read(body), new NullCallback(), CancellationToken.None);
    });
    await Time("endpoint, body read (no socket)", async _ =>
    {
        var (body, timestamp, signature) = extra[used++ % extra.Length];
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.Headers["X-Signature-Timestamp"] = timestamp;
        context.Request.Headers["X-Signature-Ed25519"] = signature;
        context.Response.Body = Stream.Null;
        await endpoint.HandleAsync(context, body);
        if (context.Response.StatusCode != 200) throw new InvalidOperationException($"endpoint answered {context.Response.StatusCode}");
    });
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
async Task<double> SendAsync(int i)
{
    var (body, timestamp, signature) = requests[i];
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.Add("X-Signature-Timestamp", timestamp);
    request.Headers.Add("X-Signature-Ed25519", signature);
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"answered {(int)response.StatusCode}");
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

async Task<double[]> RunAsync(int from, int count)
{
    var latencies = new double[count];
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count) latencies[i] = await SendAsync(from + i);
    }));
    return latencies;
}

await RunAsync(total, 2000); // warm-up: JIT, connections, SQLite caches
var clock = Stopwatch.StartNew();
var measured = await RunAsync(0, total);
clock.Stop();
Array.Sort(measured);
double Percentile(double p) => measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
Console.WriteLine($"{total} signed /terms requests, {concurrency} concurrent, {Environment.ProcessorCount} cores, server and load in one process");
Console.WriteLine($"throughput: {total / clock.Elapsed.TotalSeconds:F0} requests/s");
Console.WriteLine($"latency ms: p50 {Percentile(0.50):F2}  p90 {Percentile(0.90):F2}  p99 {Percentile(0.99):F2}  max {measured[^1]:F2}");
await host.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);

/// <summary>Takes the answer and drops it: the profile times the handler, not a transport.</summary>
internal sealed class NullCallback : BriefingBot.Discord.Interactions.IInteractionCallback
{
    public Task RespondAsync(BriefingBot.Discord.Interactions.Interaction interaction, BriefingBot.Discord.Rendering.InteractionResponse response,
        CancellationToken cancellationToken) => Task.CompletedTask;
}
