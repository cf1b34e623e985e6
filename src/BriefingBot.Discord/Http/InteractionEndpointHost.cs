using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Http;

/// <summary>
/// Runs Kestrel for HTTP mode inside the bot's ordinary host, so the rest of the program stays a plain generic
/// host and only Discord:Mode = Http pulls in a web server.
/// </summary>
public sealed class InteractionEndpointHost(InteractionEndpoint endpoint, IOptions<DiscordOptions> options, ILogger<InteractionEndpointHost> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses Kestrel listens on, with the real port when the setting asked for port 0.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Value.HttpListenUrl);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        _app = builder.Build();
        _app.MapPost(InteractionEndpoint.Path, (RequestDelegate)endpoint.HandleAsync);
        await _app.StartAsync(cancellationToken);
        Addresses = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        logger.LogInformation("Listening for Discord interactions at {Urls}", string.Join(", ", Addresses.Select(a => a + InteractionEndpoint.Path)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
