using System.Text;
using BriefingBot.Doors.Http;
using BriefingBot.Slack.Commands;
using BriefingBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.HttpCommands;

/// <summary>
/// <c>POST /slack/commands</c> in HTTP mode. Nothing is parsed before the signature over the raw body checks out; a
/// command answered within Slack:InlineReplyBudget goes back in the response, a slower one is acknowledged with an
/// empty 200 (Slack's 3-second rule) and delivered through response_url by the worker.
/// </summary>
public sealed class SlashCommandEndpoint(
    SlashCommandQueue queue, SlashCommandAnswerer answerer, BlockKitRenderer renderer, RenderedSlackReplies rendered, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlashCommandEndpoint> logger) : IHttpDoor
{
    public const string Path = "/slack/commands";

    /// <summary>Slash-command forms are a few hundred bytes; a bigger body is refused before it is read in full.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly SlackSignature _signature = new(options.Value.SigningSecret, time);

    public string? ListenUrl => options.Value.Mode == SlackMode.Http ? options.Value.HttpListenUrl : null;

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapSignedPost(Path, MaxBodyBytes, async (context, body) => await (await HandleAsync(context, body)).ExecuteAsync(context));

    public async Task<IResult> HandleAsync(HttpContext context, byte[] body)
    {
        var request = context.Request;
        var check = _signature.Check(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Refused a request to {Path}: {Check} signature", Path, check.ToString().ToLowerInvariant());
            return Results.Text("invalid signature", statusCode: StatusCodes.Status401Unauthorized);
        }
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        if (Field("ssl_check") == "1") return Results.Ok();

        var command = SlashCommand.FromFields(Field);
        if (answerer.Refusal(command) is { } refusal)
        {
            logger.LogInformation("Refused Slack {Command} from workspace {Team}: not in Slack:TeamIds", command.Command, command.TeamId);
            return Json(refusal);
        }
        var job = new SlashCommandJob(command, waitsInline: true);
        if (!queue.TryEnqueue(job))
        {
            logger.LogWarning("The Slack command queue is full; told {User} to try again", command.UserId);
            return Json(SlashCommandAnswerer.Busy(renderer));
        }
        var answer = await job.WaitInlineAsync(options.Value.InlineReplyBudget, time, context.RequestAborted);
        return answer is null ? Results.Ok() : Json(answer);
    }

    private IResult Json(SlackMessage message) => Results.Bytes(rendered.ResponseJson(message), "application/json; charset=utf-8");
}
