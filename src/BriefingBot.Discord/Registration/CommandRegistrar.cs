using System.Security.Cryptography;
using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Rest;
using BriefingBot.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Registration;

/// <summary>
/// Registers the catalogue once the application id is known: in each of Discord:GuildIds when set (and then
/// clears stale global commands, so no command shows twice), globally otherwise. It overwrites only when the
/// catalogue changed, judged by a hash kept beside the database and the names Discord reports, because every
/// overwrite counts against Discord's 200 creates a day.
/// </summary>
public sealed class CommandRegistrar(
    DiscordRestClient rest, DiscordApplication application, IOptions<DiscordOptions> options, IOptions<StorageOptions> storage,
    ILogger<CommandRegistrar> logger) : BackgroundService
{
    /// <summary>How many overwrites this run sent; tests read it.</summary>
    public int Overwrites { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Global commands when no server is listed; otherwise commands in each listed server and none global.</summary>
    public static bool RegistersGlobally(DiscordOptions options) => options.GuildIds.Count == 0;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Completion = RegisterAsync(stoppingToken);

    public async Task RegisterAsync(CancellationToken ct)
    {
        try
        {
            var app = await application.Id.WaitAsync(ct);
            logger.LogInformation("Invite the bot with {Link}", DiscordIdentity.InviteLink(app.ToString()));
            var guilds = Snowflake.ParseAll(options.Value.GuildIds);
            if (RegistersGlobally(options.Value))
            {
                await EnsureAsync($"applications/{app}/commands", global: true, ct);
                return;
            }
            foreach (var guild in guilds) await EnsureAsync($"applications/{app}/guilds/{guild}/commands", global: false, ct);
            var stale = await NamesAsync($"applications/{app}/commands", ct);
            if (stale.Count > 0)
            {
                logger.LogInformation("Removing {Count} global commands so guild commands do not show twice", stale.Count);
                await rest.SendAsync(HttpMethod.Put, $"applications/{app}/commands", "[]"u8.ToArray(), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or JsonException or IOException)
        {
            logger.LogError("Registering the slash commands failed: {Error}", e.Message);
        }
    }

    private async Task EnsureAsync(string path, bool global, CancellationToken ct)
    {
        var json = CommandRegistration.Json(global);
        var hash = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(path + "\n"), .. json]));
        var stamps = ReadStamps();
        var ours = CommandCatalogue.Commands.Select(c => c.Name).ToHashSet();
        var theirs = await NamesAsync(path, ct);
        if (stamps.GetValueOrDefault(path) == hash && theirs.SetEquals(ours))
        {
            logger.LogInformation("Slash commands unchanged ({Scope})", global ? "global" : "guild");
            return;
        }
        await rest.SendAsync(HttpMethod.Put, path, json, ct);
        Overwrites++;
        stamps[path] = hash;
        WriteStamps(stamps);
        logger.LogInformation("Registered {Count} slash commands ({Scope})", ours.Count, global ? "global" : "guild");
    }

    private async Task<HashSet<string>> NamesAsync(string path, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await rest.SendAsync(HttpMethod.Get, path, (byte[]?)null, ct));
        return doc.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString() ?? "").ToHashSet();
    }

    private string StampFile => Path.GetFullPath(storage.Value.Path) + ".discord-commands.json";

    private Dictionary<string, string> ReadStamps()
    {
        try
        {
            return File.Exists(StampFile) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(StampFile)) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private void WriteStamps(Dictionary<string, string> stamps)
    {
        var temp = StampFile + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(stamps));
        File.Move(temp, StampFile, overwrite: true);
    }
}
