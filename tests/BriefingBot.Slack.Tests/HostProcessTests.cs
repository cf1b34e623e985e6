using System.Diagnostics;
using System.Text.Json;
using BriefingBot.Slack.Tests.FakeSlack;

namespace BriefingBot.Slack.Tests;

/// <summary>
/// The built program run as an operator runs it, with the Slack door configured through environment variables; when
/// Slack refuses it for good, it stops with exit code 3 as the Discord door does.
/// </summary>
public sealed class HostProcessTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-slack-host", Guid.NewGuid().ToString("n"));
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _slack = await FakeSlackServer.StartAsync(TimeProvider.System, SlackTestBot.BotToken, SlackTestBot.AppToken);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private Process Start(Dictionary<string, string> environment, params string[] args) =>
        Process.Start(ProgramProcess.StartInfo(_folder, args, environment))!;

    private Dictionary<string, string> SlackSettings() => new()
    {
        ["BRIEFINGBOT_Slack__BotToken"] = SlackTestBot.BotToken,
        ["BRIEFINGBOT_Slack__AppToken"] = SlackTestBot.AppToken,
        ["BRIEFINGBOT_Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
        ["BRIEFINGBOT_Slack__TeamIds__0"] = SlackTestBot.Team,
    };

    private static async Task<(int Code, string Out, string Err)> Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task With_a_bot_token_the_program_serves_Slack_instead_of_the_terminal_chat()
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(SlackSettings());
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Standard error is read line by line, so the test can wait for a log line before it stops the program.
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) errors.Enqueue(line); };
        process.BeginErrorReadLine();
        string Log() => string.Join("\n", errors);
        try
        {
            // The terminal chat would answer this and exit at the end of input; the Slack door ignores standard input.
            await process.StandardInput.WriteAsync("/terms\n");
            process.StandardInput.Close();
            await Wait.Until(() => _slack.Current is { } s && s.Received.IsEmpty && _slack.Sockets.Count == 1 || process.HasExited, "the program to connect");
            if (process.HasExited) Assert.Fail("The program exited instead of serving Slack: " + Log());
            Console.WriteLine($"Slack host: program start to Socket Mode connection in {watch.ElapsedMilliseconds} ms");
            var socket = _slack.Current!;
            await socket.SendCommandAsync("e1", new SlackTestBot.CommandPayload(_slack).Build("/aid", ""));
            await Wait.Until(() => _slack.Responses.Count == 1 || process.HasExited, "the answer");
            Assert.Equal("in_channel", (string?)_slack.Responses.Single().Body["response_type"]);
            Assert.Contains("Military aid", _slack.Responses.Single().Body.ToJsonString());
            Assert.Equal(1, _slack.MaxOpenSockets);
            // The log line is written after the answer is sent; wait for it rather than race the kill below.
            await Wait.Until(() => Log().Contains("Answered Slack /aid from UMEM0001") || process.HasExited, "the answer's log line");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(Wait.Limit);
        }
        Assert.DoesNotContain("Terms of", await stdout);
        // Serving Slack, the host logs as a server (information and up) on standard error, never a token.
        var log = Log();
        Assert.Contains("Connected to Slack Socket Mode", log);
        Assert.Contains("Answered Slack /aid from UMEM0001", log);
        Assert.DoesNotContain("Exception", log);
        Assert.DoesNotContain(SlackTestBot.BotToken, log);
        Assert.DoesNotContain(SlackTestBot.AppToken, log);
    }

    [Fact]
    public async Task A_refused_app_token_stops_the_program_with_exit_code_3_and_the_setting_to_fix()
    {
        var settings = SlackSettings();
        settings["BRIEFINGBOT_Slack__AppToken"] = "xapp-1-A0FAKE-3333-REVOKEDvalue";
        var (code, _, err) = await Finish(Start(settings));
        Assert.Equal(3, code);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
        Assert.Contains("Slack refused the app token (invalid_auth)", err);
        Assert.Contains("BRIEFINGBOT_Slack__AppToken", err);
        Assert.Contains("The program exits with code 3.", err);
        Assert.DoesNotContain("REVOKED", err);
        Assert.DoesNotContain(SlackTestBot.BotToken, err);
    }

    [Fact]
    public async Task Link_disabled_stops_the_program_with_exit_code_3_and_what_to_do()
    {
        using var process = Start(SlackSettings());
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await Wait.Until(() => _slack.Current is { } s && s.Received.IsEmpty && !s.IsClosed || process.HasExited, "the program to connect");
            await _slack.Current!.DisconnectAsync("link_disabled");
            using var timeout = new CancellationTokenSource(Wait.Limit);
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        var err = await stderr;
        Assert.True(process.ExitCode == 3, err);
        Assert.Contains("Slack disabled this app's Socket Mode (link_disabled)", err);
        Assert.Contains("BRIEFINGBOT_Slack__Mode", err);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
        Assert.Empty(await stdout);
    }

    [Fact]
    public async Task A_missing_Slack_setting_stops_start_up_with_a_message_naming_it()
    {
        var settings = SlackSettings();
        settings["BRIEFINGBOT_Slack__Mode"] = "Http";
        var (code, _, err) = await Finish(Start(settings));
        Assert.Equal(2, code);
        Assert.Contains("BRIEFINGBOT_Slack__SigningSecret", err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain(SlackTestBot.BotToken, err);
    }

    [Fact]
    public async Task Ask_with_format_slack_prints_the_exact_Block_Kit_payload()
    {
        var (code, output, err) = await Finish(Start(new Dictionary<string, string>(), "ask", "/terms", "--format", "slack"));
        Assert.True(code == 0, err);
        using var payload = JsonDocument.Parse(output);
        Assert.Equal("in_channel", payload.RootElement.GetProperty("response_type").GetString());
        Assert.Empty(BlockKit.Check(payload.RootElement.GetProperty("blocks")));
        Assert.Contains("`T4` Ground combat: Ground combat is excluded from the truce. (proposed)", output);
        Assert.Contains("_Reuters, 6 March 2025", output);
    }
}
