using System.Text.Json;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rendering;
using BriefingBot.Doors.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Http;

/// <summary>
/// <c>POST /discord/interactions</c> on the bots' one web host: verify the signature on the raw bytes before
/// anything else, answer PING, and hand every other interaction to the same <see cref="InteractionHandler"/> the
/// gateway uses.
/// </summary>
public sealed class InteractionEndpoint(
    SignatureVerifier verifier, InteractionHandler handler, RenderedReplies rendered, IOptions<DiscordOptions> options, ILogger<InteractionEndpoint> logger,
    IHostApplicationLifetime? lifetime = null) : IHttpDoor
{
    public const string Path = "/discord/interactions";

    /// <summary>Discord's own bodies are a few KB; anything far larger is not Discord.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly byte[] Pong = "{\"type\":1}"u8.ToArray();

    public string? ListenUrl => options.Value.Mode == DiscordMode.Http ? options.Value.HttpListenUrl : null;

    public void Map(IEndpointRouteBuilder routes) => routes.MapSignedPost(Path, MaxBodyBytes, HandleAsync);

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        var request = context.Request;
        if (!verifier.Verify(request.Headers["X-Signature-Timestamp"], body, request.Headers["X-Signature-Ed25519"]))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", context.RequestAborted);
            return;
        }
        Interaction interaction;
        try
        {
            interaction = InteractionReader.Read(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (interaction.Type == InteractionType.Ping)
        {
            await WriteJsonAsync(context, Pong);
            return;
        }

        // The handler carries on after the response (a deferred answer is edited in over REST), so it runs on the
        // host's lifetime rather than this request's.
        var callback = new HttpInteractionCallback();
        var handling = handler.HandleAsync(interaction, callback, lifetime?.ApplicationStopping ?? CancellationToken.None);
        // A kept answer is given before HandleAsync returns: no WhenAny task and no hop to the thread pool for it.
        if (!callback.Response.IsCompleted && !handling.IsCompleted) await Task.WhenAny(callback.Response, handling);
        // Both may be done by now, in either order; what matters is whether an answer was given.
        if (callback.Response.IsCompleted)
        {
            await WriteJsonAsync(context, rendered.Json(await callback.Response));
            return;
        }
        if (handling.IsFaulted) logger.LogError(handling.Exception, "Interaction {Id} failed before it was answered", interaction.Id);
        // Taken on before (a repeat) or too old to answer: acknowledge the POST without a second answer.
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task WriteJsonAsync(HttpContext context, byte[] json)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }
}
