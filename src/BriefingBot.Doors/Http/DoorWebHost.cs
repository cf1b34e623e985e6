using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Doors.Http;

/// <summary>
/// The one Kestrel for every door in HTTP mode, started with the bot's host when at least one door listens, and
/// hardened once for all of them: only the bot's settings (no appsettings.json, ASPNETCORE_ variables or Kestrel
/// sections can add endpoints), no Server header, capped bodies and header sizes, short header timeouts. The bot's
/// own host stays a plain generic host; a door that listens on the same address as another shares its port.
/// </summary>
public sealed class DoorWebHost(IEnumerable<IHttpDoor> doors, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    /// <summary>No platform's request comes near this; each route caps its own body lower (<see cref="DoorRoutes"/>).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    // Typed as the generic host it is, so that stopping a host that never listened loads nothing of ASP.NET Core.
    private IHost? _app;

    /// <summary>The addresses Kestrel bound, with the real port when a setting asked for port 0.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listening = doors.Where(d => d.ListenUrl is not null).ToList();
        // ASP.NET Core and Kestrel are loaded only when a door listens: the JIT loads the assemblies a method names when it
        // compiles it, and a terminal chat or a gateway bot that mapped them kept 3 MB more resident for nothing (108 against
        // 105 MB at the peak of a chat of 300 commands).
        return listening.Count == 0 ? Task.CompletedTask : ListenAsync(listening, cancellationToken);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task ListenAsync(List<IHttpDoor> listening, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(string.Join(';', listening.Select(d => d.ListenUrl).Distinct(StringComparer.OrdinalIgnoreCase)));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            // Platforms send a request's headers at once; a client that trickles them is holding a connection open.
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        // Kestrel logs through the bot's own logging, at its levels.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        var app = builder.Build();
        _app = app;
        foreach (var door in listening) door.Map(app);
        await app.StartAsync(cancellationToken);
        Addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText);
        loggers.CreateLogger<DoorWebHost>().LogInformation("Listening for POST {Routes} on {Addresses}", string.Join(", ", routes), string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is IAsyncDisposable app) await app.DisposeAsync();
    }
}
