using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.HttpCommands;

/// <summary>
/// HTTP mode's Kestrel: a small web app of its own, started and stopped with the host, serving only
/// <c>POST /slack/commands</c>. Owning it here keeps the bot's host a plain generic host that any door can join.
/// </summary>
public sealed class SlackHttpServer(SlashCommandEndpoint endpoint, IOptions<SlackOptions> options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses Kestrel actually bound (the port is known only after start when it is 0).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode != SlackMode.Http) return;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Only our settings: no appsettings.json, ASPNETCORE_ variables or Kestrel sections may add endpoints behind our back.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(options.Value.HttpListenUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = SlashCommandEndpoint.MaxBodyBytes);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        _app = builder.Build();
        _app.MapPost(SlashCommandEndpoint.Path, (Delegate)endpoint.HandleAsync);
        await _app.StartAsync(cancellationToken);
        Addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        loggers.CreateLogger<SlackHttpServer>().LogInformation("Slack HTTP mode listening for POST {Path} on {Addresses}",
            SlashCommandEndpoint.Path, string.Join(", ", Addresses));
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
