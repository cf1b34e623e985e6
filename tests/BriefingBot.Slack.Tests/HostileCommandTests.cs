using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Fuzzing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace BriefingBot.Slack.Tests;

/// <summary>
/// Thousands of hostile slash commands through the Slack door, both ways Slack delivers them: signed forms posted to
/// the HTTP endpoint (the door's own form parser, its queue and workers, answered inline) and Socket Mode envelopes
/// written as raw JSON with lone surrogates escaped (answered through response_url). Each is answered, none with
/// the internal-error fallback, and no answer holds a control character or a lone surrogate.
/// </summary>
public sealed class HostileCommandTests(ITestOutputHelper output)
{
    public const int FormCommands = 2000, SocketCommands = 600;

    [Fact]
    public async Task Hostile_forms_posted_to_the_http_endpoint_are_all_answered_politely_and_safely()
    {
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:Mode"] = "Http");
        var input = new HostileInput(seed: 8_305);
        var random = new Random(8_305);
        var oversized = 0;
        for (var n = 0; n < FormCommands; n++)
        {
            string body;
            // Slack never posts a form beyond the endpoint's limit (the 413 for one is HttpModeTests' concern), so such
            // a draw is replaced; posting it would only race Kestrel's early refusal against the client's upload.
            while ((body = HostileForm(input, random, bot, n)).Length > HttpCommands.SlashCommandEndpoint.MaxBodyBytes) oversized++;
            using var response = await HttpModeTests.Post(bot, body);
            var json = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode && json.Length > 0, $"Command {n} got {(int)response.StatusCode} “{json}”: {body}");
            AssertSafe(json, $"form {n}: {body}");
        }
        Assert.Empty(bot.Slack.Responses);
        AssertQuiet(bot);
        output.WriteLine($"{FormCommands} signed forms through HTTP mode, each answered inline ({oversized} draws over the size limit replaced)");
    }

    [Fact]
    public async Task Hostile_socket_mode_envelopes_are_all_answered_politely_and_safely()
    {
        await using var bot = await SlackTestBot.StartAsync();
        await Wait.Until(() => bot.Logs.Contains("Connected to Slack Socket Mode"), "the hello", bot.Time, TimeSpan.FromMilliseconds(100));
        var socket = bot.Slack.Sockets[^1];
        var input = new HostileInput(seed: 8_306);
        var random = new Random(8_306);
        // In batches the queue can hold, so every command is answered rather than told the bot is busy.
        for (var batch = 0; batch < SocketCommands; batch += 100)
        {
            for (var n = batch; n < batch + 100; n++)
            {
                var (command, text) = Split(input.Line());
                await socket.SendRawAsync($$"""
                    {"envelope_id":"env-{{n}}","type":"slash_commands","accepts_response_payload":true,"payload":{
                     "team_id":"{{SlackTestBot.Team}}","channel_id":{{input.Json(random.Next(10) == 0 ? input.Value() : "C2147483705")}},
                     "user_id":"{{(random.Next(2) == 0 ? SlackTestBot.Moderator : SlackTestBot.Member)}}",
                     "user_name":{{input.Json(random.Next(3) == 0 ? input.Value() : "alice")}},
                     "command":{{input.Json(command)}},"text":{{input.Json(text)}},"response_url":"{{bot.Slack.ResponseUrl("r" + n)}}"} }
                    """);
            }
            var expected = batch + 100;
            await Wait.Until(() => bot.Slack.Responses.Count >= expected, $"{expected} answers");
        }
        Assert.Equal(SocketCommands, bot.Slack.Responses.Select(r => r.Id).Distinct().Count());
        foreach (var answer in bot.Slack.Responses) AssertSafe(answer.Body.ToJsonString(), $"envelope {answer.Id}");
        foreach (var ack in socket.Received) AssertSafe(ack.ToJsonString(), "an ack");
        AssertQuiet(bot);
        output.WriteLine($"{SocketCommands} Socket Mode envelopes, each acknowledged and answered through response_url");
    }

    /// <summary>A slash command form with a hostile line, and now and then a hostile channel id or user name.</summary>
    private static string HostileForm(HostileInput input, Random random, SlackTestBot bot, int n)
    {
        var (command, text) = Split(input.Line());
        return Form(
            ("token", "deprecated"), ("team_id", SlackTestBot.Team), ("channel_id", random.Next(10) == 0 ? input.Value() : "C2147483705"),
            ("user_id", random.Next(2) == 0 ? SlackTestBot.Moderator : SlackTestBot.Member),
            ("user_name", random.Next(3) == 0 ? input.Value() : "alice"), ("command", command), ("text", text),
            ("response_url", bot.Slack.ResponseUrl("r" + n)));
    }

    /// <summary>Slack sends the command and the rest of the line apart: <c>/aid</c> and <c>donor:US</c>.</summary>
    private static (string Command, string Text) Split(string line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
    }

    /// <summary>A form body as Slack posts it, UTF-8 percent-encoded; a lone surrogate goes as the bytes a careless client would send.</summary>
    private static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Encode(f.Name) + "=" + Encode(f.Value)));

    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) bytes = Encoding.UTF8.GetBytes(value.Substring(i++, 2));
            else if (char.IsSurrogate(c)) bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') { sb.Append(c); continue; }
            else bytes = Encoding.UTF8.GetBytes(c.ToString());
            foreach (var b in bytes) sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static void AssertSafe(string json, string what)
    {
        Assert.DoesNotContain("Something went wrong", json);
        using var document = JsonDocument.Parse(json);
        foreach (var text in Strings(document.RootElement))
            Assert.True(HostileInput.Unsafe(text) is null, $"The answer to {what} holds {HostileInput.Unsafe(text)}: {text}");
    }

    /// <summary>Nothing failed behind the answers, and every answer passed the fake's Block Kit checks.</summary>
    private static void AssertQuiet(SlackTestBot bot)
    {
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Empty(bot.Slack.SpecViolations);
    }

    /// <summary>Every string in a JSON value; GetString throws on a lone surrogate, which fails the test as it should.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
