using System.Diagnostics;
using System.Text;
using BriefingBot.Discord.Tests.Fakes;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// The built program, started as an operator would with only environment variables, against the fake Discord:
/// the token turns the Discord door on (and the terminal chat off), it answers, and a rejected token stops it
/// with exit code 3 and a line that says what to fix, without the token ever reaching its output. A public
/// application with no servers listed lets no one moderate, and says so once.
/// </summary>
public sealed class ProgramTests
{
    private static string ProgramPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "BriefingBot", "bin", configuration, "net10.0", "BriefingBot.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("The built BriefingBot.dll was not found; build the solution first.");
    }

    [Fact]
    public async Task With_a_token_the_program_runs_the_Discord_door_and_stops_cleanly_on_4004()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [ProgramPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        start.Environment["BRIEFINGBOT_Discord__Token"] = FakeDiscord.Token;
        start.Environment["BRIEFINGBOT_Discord__ApiBaseUrl"] = discord.ApiUrl;
        start.Environment["BRIEFINGBOT_Discord__GatewayUrl"] = discord.GatewayUrl;
        start.Environment["BRIEFINGBOT_Storage__Path"] = Path.Combine(folder, "knowledge.db");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var connection = await DoorHost.ConnectAsync(discord);
            Assert.Equal("/gateway", connection.Path); // Discord:GatewayUrl was used, not GET /gateway/bot
            var id = Payloads.NewId();
            await connection.InteractionAsync(Payloads.Command(id, "terms"));
            var answer = await discord.WaitForCallbackAsync(id, TimeSpan.FromSeconds(20));
            Assert.Contains("Reuters", answer.Body);
            // Commands are registered once the application id arrives with READY.
            await discord.WaitForRequestAsync(r => r.Method == "PUT" && r.Path == $"/api/v10/applications/{FakeDiscord.ApplicationId}/commands");

            await connection.CloseAsync(4004);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(3, process.ExitCode);
            var text = output.ToString();
            Assert.Contains("4004", text);
            Assert.Contains("BRIEFINGBOT_Discord__Token", text);
            Assert.Contains("scope=bot+applications.commands", text);
            Assert.DoesNotContain(FakeDiscord.Token, text);
            Assert.DoesNotContain("s3cr3t", text);
            Assert.DoesNotContain("InteractionTokenSecret", text);
            Assert.DoesNotContain("type /help to see what I can do", text); // the terminal chat did not start
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_public_application_with_no_GuildIds_keeps_strangers_from_moderating_and_says_so_once()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.BotPublic = true;
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [ProgramPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        start.Environment["BRIEFINGBOT_Discord__Token"] = FakeDiscord.Token;
        start.Environment["BRIEFINGBOT_Discord__ApiBaseUrl"] = discord.ApiUrl;
        start.Environment["BRIEFINGBOT_Discord__GatewayUrl"] = discord.GatewayUrl;
        start.Environment["BRIEFINGBOT_Storage__Path"] = Path.Combine(folder, "knowledge.db");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var connection = await DoorHost.ConnectAsync(discord);
            async Task<string> Ask(string name, string options, string permissions)
            {
                var id = Payloads.NewId();
                await connection.InteractionAsync(Payloads.Command(id, name, options, Payloads.OtherGuildId, permissions));
                return InteractionTests.Text((await discord.WaitForCallbackAsync(id, TimeSpan.FromSeconds(20))).Json);
            }
            var update = $"[{Payloads.Sub("aid", Payloads.Option("id", "A1"), Payloads.Option("status", "ended"), Payloads.Option("source", "Stranger Gazette"))}]";
            var refused = await Ask("update", update, "32");
            Assert.Contains("Only moderators can use /update aid; nothing was changed.", refused);
            Assert.Contains("Public Bot", refused);
            Assert.DoesNotContain("Stranger Gazette", await Ask("aid", "[]", "1024"));
            await Ask("update", update, "8");
            // The console logger writes from a queue of its own, so the line may trail the answers by a moment.
            string Log() { lock (output) return output.ToString(); }
            int Warnings() => Log().Split('\n').Count(l => l.Contains("Turn Public Bot off", StringComparison.Ordinal));
            await Wait.Until(() => Warnings() > 0, "the Public Bot warning in the log", pause: TimeSpan.FromMilliseconds(20));
            Assert.Equal(1, Warnings());
            var text = Log();
            Assert.DoesNotContain(FakeDiscord.Token, text);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Bad_Discord_settings_stop_the_program_with_the_setting_to_fix()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [ProgramPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        start.Environment["BRIEFINGBOT_Discord__Token"] = FakeDiscord.Token;
        start.Environment["BRIEFINGBOT_Discord__Mode"] = "Http";
        start.Environment["BRIEFINGBOT_Storage__Path"] = Path.Combine(folder, "knowledge.db");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            var text = await stdout + await stderr;
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("BriefingBot cannot start:", text);
            Assert.Contains("BRIEFINGBOT_Discord__PublicKey", text);
            Assert.Contains("BRIEFINGBOT_Discord__ApplicationId", text);
            Assert.DoesNotContain(FakeDiscord.Token, text);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Code, string Out)> RunAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ProgramPath(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        start.Environment["BRIEFINGBOT_Storage__Path"] = Path.Combine(folder, "knowledge.db");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await stderr;
        return (process.ExitCode, await stdout);
    }

    [Fact]
    public async Task The_verbs_print_exactly_what_the_door_would_send()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        try
        {
            var (code, json) = await RunAsync(folder, "ask", "/terms", "--format", "discord");
            Assert.Equal(0, code);
            DiscordSpec.Shared.AssertValid(json, "CreateMessageInteractionCallbackRequest");
            Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json);
            Assert.Contains("Reuters", json);

            var (refused, error) = await RunAsync(folder, "ask", "/update undo", "--as", "member", "--format", "discord");
            Assert.Equal(1, refused);
            Assert.Contains("\"flags\":64", error);

            var (listed, commands) = await RunAsync(folder, "commands", "--format", "discord");
            Assert.Equal(0, listed);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(Registration.CommandRegistration.Json(global: true)), commands.Trim());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
