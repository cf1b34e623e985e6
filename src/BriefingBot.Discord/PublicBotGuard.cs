using System.Net;
using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>
/// Keeps strangers from moderating the team's knowledge. A Discord application is public by default, so anyone can add
/// the bot to a server of their own, where they hold Manage Server. With Discord:GuildIds set, other servers never reach
/// the knowledge at all; with it empty, this reads the application (<c>GET /applications/@me</c>) at start and, unless
/// Discord says it is private, maps everyone on Discord to a member, with the reason, and logs one line telling the owner
/// what to change. Until Discord answers, and when it cannot be asked, the application counts as public: fail safe.
/// </summary>
public sealed class PublicBotGuard(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<PublicBotGuard> logger)
    : BackgroundService
{
    /// <summary>What a withheld moderator reads: why, and who can change it.</summary>
    public const string Withheld =
        "Moderator commands are off on Discord: this bot's application is public, so anyone can add it to a server of their own, " +
        "and it is not limited to its team's servers. The person who runs the bot can turn Public Bot off in the Discord Developer " +
        "Portal (Bot page) or list the team's servers in Discord:GuildIds.";

    /// <summary>How long the start-up read may take (retries included) before the application is taken to be public.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<bool> _trusted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes, once the start-up check is done, with whether servers' moderators are the team's.</summary>
    public Task<bool> ModeratorsTrusted => _trusted.Task;

    /// <summary>
    /// The invocation as the core should see it: a moderator stays one only once the check says servers can be trusted.
    /// Members never wait on the check, so questions are answered even while Discord is slow to say.
    /// </summary>
    public async ValueTask<Invocation> VetAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Caller.Role != Role.Moderator || await _trusted.Task.WaitAsync(cancellationToken)) return invocation;
        return invocation with { Caller = invocation.Caller with { Role = Role.Member, ModeratorWithheld = Withheld } };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read on first use, not in the constructor: the host builds services before it validates settings.
        if (Snowflake.ParseAll(options.Value.GuildIds).Count > 0)
        {
            _trusted.TrySetResult(true);
            return;
        }
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            var (name, owner, isPublic) = Read(await rest.SendAsync(HttpMethod.Get, "applications/@me", (byte[]?)null, linked.Token));
            if (!isPublic)
            {
                logger.LogInformation("The Discord application {Name} is private (Public Bot is off), so only {Owner} can add it to servers", name, owner);
                _trusted.TrySetResult(true);
                return;
            }
            logger.LogWarning("The Discord application {Name} (owned by {Owner}) is public and Discord:GuildIds is empty, so anyone could add it to " +
                              "their server and moderate the team's knowledge: moderator commands are refused on Discord. Turn Public Bot off in the " +
                              "Developer Portal (Bot page) or set Discord:GuildIds (BRIEFINGBOT_Discord__GuildIds__0) to the team's servers, then restart",
                name, owner);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordRestException e) when (e.Status == HttpStatusCode.Unauthorized)
        {
            // The REST client has stopped the program with the line that says what to fix; nothing to add.
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or JsonException or OperationCanceledException
                                      or InvalidOperationException or KeyNotFoundException)
        {
            logger.LogWarning("Could not read the Discord application (GET /applications/@me: {Error}), so it is treated as public: moderator " +
                              "commands are refused on Discord until a restart can read it. Setting Discord:GuildIds (BRIEFINGBOT_Discord__GuildIds__0) " +
                              "to the team's servers makes this check unnecessary", e is OperationCanceledException ? "no answer in time" : e.Message);
        }
        finally
        {
            // Whatever happened, no moderator waits for ever; anything short of "private" is public.
            _trusted.TrySetResult(false);
        }
    }

    /// <summary>The parts of Discord's PrivateApplicationResponse this needs; a missing <c>bot_public</c> counts as public.</summary>
    internal static (string Name, string Owner, bool Public) Read(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var app = doc.RootElement;
        var name = app.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var owner = app.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object && team.TryGetProperty("name", out var t)
            ? "team " + t.GetString()
            : app.TryGetProperty("owner", out var user) && user.TryGetProperty("username", out var u) ? u.GetString() ?? "its owner" : "its owner";
        var isPublic = !app.TryGetProperty("bot_public", out var p) || p.ValueKind != JsonValueKind.False;
        return (name, owner, isPublic);
    }
}
