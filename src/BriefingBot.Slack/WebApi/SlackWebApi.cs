using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Doors;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.WebApi;

/// <summary>
/// The thin Web API client: form-encoded POSTs with <c>Authorization: Bearer</c>, <c>ok:false</c> turned into a logged
/// <see cref="SlackApiException"/>, and 429s honoured. Only a 429 is resent, because only then do we know Slack did not
/// act on the request; a timeout or a 5xx might have posted the message, so it is reported, never repeated.
/// A refused token stops the program (exit code 3), as a refused Discord token does, since no retry can heal it.
/// </summary>
public sealed class SlackWebApi(
    IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time, DoorShutdown shutdown, ILogger<SlackWebApi> logger)
{
    public const string ConnectionsOpen = "apps.connections.open";

    public const string HttpClientName = "Slack";

    /// <summary>A request is resent at most this many times after 429s before the caller is told.</summary>
    public const int MaxRateLimitRetries = 10;

    /// <summary>Slack's limits are per method, so a 429 on one method holds back only the calls to that method.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    /// <summary>Calls a Web API method with the bot token.</summary>
    public Task<JsonElement> CallAsync(string method, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        CallAsync(method, form, options.Value.BotToken, cancellationToken);

    /// <summary>Calls a Web API method with the given token (the app token for apps.connections.open).</summary>
    public async Task<JsonElement> CallAsync(string method, IEnumerable<KeyValuePair<string, string>> form, string token, CancellationToken cancellationToken)
    {
        var fields = form.ToList();
        var url = new Uri(options.Value.ApiBase, method);
        for (var attempt = 0; ; attempt++)
        {
            await WaitWhilePausedAsync(method, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await Send(method, request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (await BackOffAsync(method, response, attempt, cancellationToken)) continue;
                throw Fail(method, "ratelimited", $"still rate limited after {MaxRateLimitRetries} retries");
            }
            if (!response.IsSuccessStatusCode) throw Fail(method, $"http_{(int)response.StatusCode}");
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw Fail(method, "invalid_response", "the answer was not JSON");
            }
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                if (root.TryGetProperty("warning", out var warning))
                    logger.LogDebug("Slack {Method} warned: {Warning}", method, warning.ToString());
                return root;
            }
            var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
            if (error is "ratelimited" or "rate_limited" && await BackOffAsync(method, response, attempt, cancellationToken)) continue;
            var failure = Fail(method, error);
            if (Refusal(method, failure) is { } reason) shutdown.Stop(reason);
            throw failure;
        }
    }

    /// <summary>
    /// What to tell the operator when an error means the door can never work with these settings, or null. Opening
    /// Socket Mode needs the app token and its scope, so any auth error there is final; elsewhere a missing scope
    /// costs one feature (a picture upload), and only a refused bot token is final.
    /// </summary>
    private static string? Refusal(string method, SlackApiException failure) => method == ConnectionsOpen
        ? failure.IsAuthError
            ? $"Slack refused the app token ({failure.Error}) when opening Socket Mode; the Slack door stops. Set Slack:AppToken " +
              "(BRIEFINGBOT_Slack__AppToken) to an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information page."
            : null
        : failure.IsRefusedToken
            ? $"Slack refused the bot token ({failure.Error}) on {method}; the Slack door stops. Set Slack:BotToken " +
              "(BRIEFINGBOT_Slack__BotToken) to the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, reinstalling the app if it was removed."
            : null;

    /// <summary>Answers a slash command through its response_url; the URL itself is a credential, so it is never logged.</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject payload, CancellationToken cancellationToken)
    {
        const string method = "response_url";
        var json = payload.ToJsonString(SlackMessage.Json);
        for (var attempt = 0; ; attempt++)
        {
            await WaitWhilePausedAsync(method, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            using var response = await Send(method, request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (await BackOffAsync(method, response, attempt, cancellationToken)) continue;
                throw Fail(method, "ratelimited");
            }
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw Fail(method, $"http_{(int)response.StatusCode}", Clip(body));
            }
            return;
        }
    }

    /// <summary>Step two of the external upload flow: the file's bytes to the one-off upload URL Slack handed out.</summary>
    public async Task UploadBytesAsync(string uploadUrl, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        const string method = "files.upload_url";
        for (var attempt = 0; ; attempt++)
        {
            await WaitWhilePausedAsync(method, cancellationToken);
            using var bytes = new ByteArrayContent(content);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = bytes };
            using var response = await Send(method, request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (await BackOffAsync(method, response, attempt, cancellationToken)) continue;
                throw Fail(method, "ratelimited");
            }
            if (response.StatusCode != HttpStatusCode.OK) throw Fail(method, $"http_{(int)response.StatusCode}");
            return;
        }
    }

    private async Task<HttpResponseMessage> Send(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // Not resent: Slack may have acted on it. The message names host and port only, never the path or token.
            throw Fail(method, "request_failed", e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(method, "timeout", e.Message);
        }
    }

    private async Task<bool> BackOffAsync(string method, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var wait = response.Headers.RetryAfter?.Delta
                   ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null)
                   ?? TimeSpan.FromSeconds(30);
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (attempt >= MaxRateLimitRetries) return false;
        var until = time.GetUtcNow() + wait;
        _pausedUntil.AddOrUpdate(method, until, (_, current) => current > until ? current : until);
        logger.LogWarning("Slack rate-limited {Method}; waiting {Seconds:F0} s as Retry-After asks, then sending it again", method, wait.TotalSeconds);
        await WaitWhilePausedAsync(method, cancellationToken);
        return true;
    }

    private async Task WaitWhilePausedAsync(string method, CancellationToken cancellationToken)
    {
        while (_pausedUntil.TryGetValue(method, out var until))
        {
            var left = until - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return;
            await Task.Delay(left, time, cancellationToken);
        }
    }

    private SlackApiException Fail(string method, string error, string? detail = null)
    {
        logger.LogWarning("Slack {Method} failed: {Error}{Detail}", method, error, detail is null ? "" : " (" + detail + ")");
        return new SlackApiException(method, error, detail);
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
