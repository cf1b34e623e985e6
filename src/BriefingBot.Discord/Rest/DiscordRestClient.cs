using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BriefingBot.Doors;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Every call to Discord's HTTP API goes through here: the limiter first, 429s waited out exactly as long as Discord
/// asks, 5xx and network failures retried with backoff a bounded number of times, and a 401 stops the bot, because
/// a rejected token never heals by retrying.
/// </summary>
public sealed class DiscordRestClient(
    IHttpClientFactory clients, RateLimiter limiter, TimeProvider time, DoorShutdown shutdown, ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "discord";

    /// <summary>Tries per request, counting the first; no request loops.</summary>
    public const int MaxAttempts = 5;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // These bodies go to Discord's API, never into HTML, so there is no reason to escape quotes, backticks or accents.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task<byte[]> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json), cancellationToken);

    /// <summary>Sends one request and returns the response body; throws <see cref="DiscordRestException"/> on a refusal.</summary>
    public Task<byte[]> SendAsync(HttpMethod method, string path, byte[]? json, CancellationToken cancellationToken) =>
        SendAsync(method, path, () => json is null ? null
            : new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, cancellationToken);

    /// <summary>Sends JSON with files, as Discord documents for uploads: <c>payload_json</c> and <c>files[n]</c> parts.</summary>
    public Task<byte[]> SendMultipartAsync(HttpMethod method, string path, byte[] payloadJson,
        IReadOnlyList<(string FileName, string ContentType, byte[] Content)> files, CancellationToken cancellationToken) =>
        SendAsync(method, path, () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(payloadJson) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "payload_json");
            for (var i = 0; i < files.Count; i++)
                form.Add(new ByteArrayContent(files[i].Content) { Headers = { ContentType = new MediaTypeHeaderValue(files[i].ContentType) } },
                    $"files[{i}]", files[i].FileName);
            return form;
        }, cancellationToken);

    /// <summary>The one loop every request goes through; the body is made afresh for each attempt.</summary>
    private async Task<byte[]> SendAsync(HttpMethod method, string path, Func<HttpContent?> body, CancellationToken cancellationToken)
    {
        var route = RestRoute.For(method, path);
        var http = clients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            shutdown.Stopped.ThrowIfCancellationRequested();
            await limiter.WaitAsync(route, cancellationToken);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, path.TrimStart('/'));
                request.Content = body();
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts)
            {
                // Connection refused or reset before an answer: nothing was done, so trying again cannot duplicate.
                logger.LogWarning("{Route} failed ({Error}); retrying", route.LogText, e.Message);
                await Task.Delay(Backoff(attempt), time, cancellationToken);
                continue;
            }
            using (response)
            {
                limiter.Update(route, response.Headers);
                var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = RetryAfter(response, content);
                    limiter.Limited(route, retryAfter, global);
                    logger.LogWarning("{Route} was rate limited{Scope}; waiting {Seconds:F2} s", route.LogText, global ? " globally" : "",
                        retryAfter.TotalSeconds);
                    if (attempt < MaxAttempts) continue;
                }
                else if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    shutdown.Stop("Discord answered 401 Unauthorized: the bot token is wrong or was reset. " +
                                  "Set BRIEFINGBOT_Discord__Token to the current token from the Developer Portal (Bot page). The Discord door has stopped.");
                }
                else if (status >= 500 && attempt < MaxAttempts)
                {
                    logger.LogWarning("{Route} answered {Status}; retrying", route.LogText, status);
                    await Task.Delay(Backoff(attempt), time, cancellationToken);
                    continue;
                }
                if (response.IsSuccessStatusCode) return content;
                var (code, message) = Error(content);
                throw new DiscordRestException(response.StatusCode, code, $"{route.LogText}: {message}");
            }
        }
    }

    internal static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, attempt - 1), 8000));

    private static (TimeSpan, bool) RetryAfter(HttpResponseMessage response, byte[] content)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.First().Equals("true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(content);
            if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var s)) seconds = s;
            if (doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True) global = true;
        }
        catch (JsonException)
        {
            // A Cloudflare ban answers HTML; fall back to the header.
        }
        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var h) &&
            double.TryParse(h.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var hs)) seconds = hs;
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600)), global);
    }

    private static (int, string) Error(byte[] content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            var code = doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (0, "(no JSON error body)");
        }
    }
}
