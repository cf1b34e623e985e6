using System.Globalization;
using BriefingBot.Commands;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Doors;
using BriefingBot.Replies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The one pipeline for every interaction, from the gateway or HTTP alike: each is answered exactly once, within
/// Discord's 3 seconds. An answer ready within Discord:DeferAfter goes out directly; a slower one is deferred and
/// then edited in. Failures and refusals still answer, politely and only to the asker, with mentions off.
/// </summary>
public sealed class InteractionHandler(
    CommandRouter router,
    Autocompleter autocompleter,
    InvocationMapper mapper,
    PublicBotGuard guard,
    EmbedRenderer renderer,
    RenderedReplies rendered,
    AnsweredInteractions answered,
    DiscordRestClient rest,
    DiscordApplication application,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    public const string OutsideGuilds =
        "Sorry, this bot only answers in its team's own servers. Ask the person who runs it if you think this server should be one of them.";

    public async Task HandleAsync(Interaction interaction, IInteractionCallback callback, CancellationToken cancellationToken)
    {
        if (!answered.TryTake(interaction.Id))
        {
            logger.LogDebug("Interaction {Id} was already taken on; ignoring the repeat", interaction.Id);
            return;
        }
        var age = time.GetUtcNow() - interaction.Id.CreatedAt;
        if (age > AnsweredInteractions.TokenLifetime)
        {
            // Its token has expired; Discord would refuse any answer. (Clock skew makes small ages unreliable, so only this is checked.)
            logger.LogWarning("Interaction {Id} is {Minutes:F0} minutes old; its token has expired, so it is not answered", interaction.Id, age.TotalMinutes);
            return;
        }
        var responded = false;
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.Ping:
                    await callback.RespondAsync(interaction, InteractionResponse.PongResponse, cancellationToken);
                    return;
                case InteractionType.Autocomplete:
                    await callback.RespondAsync(interaction, InteractionResponse.Choices(Suggest(interaction)), cancellationToken);
                    return;
                case InteractionType.ApplicationCommand:
                    await CommandAsync(interaction, callback, () => responded = true, cancellationToken);
                    return;
                default:
                    responded = true;
                    await callback.RespondAsync(interaction, Ephemeral("This bot only answers slash commands."), cancellationToken);
                    return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DiscordRestException e)
        {
            // Discord refused the answer itself (10062 unknown interaction, 40060 already acknowledged); nothing more to send.
            logger.LogWarning("Answering interaction {Id} failed after {Ms:F0} ms: {Error}", interaction.Id,
                (time.GetUtcNow() - interaction.Id.CreatedAt).TotalMilliseconds, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Interaction {Id} (/{Command}) failed", interaction.Id, interaction.CommandName);
            if (responded || interaction.Type != InteractionType.ApplicationCommand) return;
            try
            {
                await callback.RespondAsync(interaction, InteractionResponse.Message(renderer.Render(Fallback.Failed(interaction.CommandName.Length > 0 ? "/" + interaction.CommandName : null))), cancellationToken);
            }
            catch (Exception inner) when (inner is DiscordRestException or HttpRequestException)
            {
                logger.LogWarning("Could not tell the asker about the failure: {Error}", inner.Message);
            }
        }
    }

    private async Task CommandAsync(Interaction interaction, IInteractionCallback callback, Action responding, CancellationToken ct)
    {
        if (!mapper.Serves(interaction))
        {
            responding();
            await callback.RespondAsync(interaction, Ephemeral(OutsideGuilds), ct);
            return;
        }
        var invocation = mapper.Map(interaction);
        var routing = RouteAsync(invocation, ct);
        if (await AnswerBudget.FinishesWithinAsync(routing, options.Value.DeferAfter, time, ct))
        {
            // A picture cannot ride in the one-round-trip answer (HTTP mode answers with JSON alone): defer, then edit it in.
            if ((await routing).Attachments.Count == 0)
            {
                responding();
                await callback.RespondAsync(interaction, rendered.Message(await routing), ct);
                return;
            }
        }

        // Too slow for one round trip: show "thinking…" now, edit the answer in when it is ready. Moderator commands
        // are deferred ephemerally because their confirmations are only for the moderator.
        var deferEphemeral = CommandCatalogue.Find(invocation.Path)?.Access == Access.Moderator;
        responding();
        await callback.RespondAsync(interaction, InteractionResponse.Defer(deferEphemeral), ct);
        var reply = await routing;
        if (time.GetUtcNow() - interaction.Id.CreatedAt > AnsweredInteractions.TokenLifetime)
        {
            logger.LogWarning("Interaction {Id} took longer than its token lives; the answer was not delivered", interaction.Id);
            return;
        }
        var message = renderer.Render(reply);
        if (reply.Attachments.Count > 0)
            message = message with
            {
                Attachments = reply.Attachments.Select((a, i) => new MessageAttachment(i.ToString(CultureInfo.InvariantCulture), a.FileName, a.Description)).ToList(),
            };
        // Interactions carry their application id; configuration or READY is the fallback should one not.
        var app = interaction.ApplicationId.Value != 0 ? interaction.ApplicationId : application.TryGet(out var known) ? known : default;
        var webhook = $"webhooks/{app}/{interaction.Token}";
        var original = webhook + "/messages/@original";
        if (reply.Visibility == Visibility.OnlyAsker && !deferEphemeral)
        {
            // A deferred message cannot turn ephemeral, so the public "thinking…" goes and the answer follows privately.
            await rest.SendAsync(HttpMethod.Delete, original, (byte[]?)null, ct);
            await SendAsync(HttpMethod.Post, webhook, message, reply, ct);
            return;
        }
        await SendAsync(HttpMethod.Patch, original, message with { Flags = null }, reply, ct);
    }

    /// <summary>Routes once the guard has vetted the caller's role; waiting on it counts against the time before deferring.</summary>
    private async Task<Reply> RouteAsync(Invocation invocation, CancellationToken ct) =>
        await router.RouteAsync(await guard.VetAsync(invocation, ct), ct);

    /// <summary>Sends a message as JSON, or as multipart with the reply's files (the contact picture).</summary>
    private Task<byte[]> SendAsync(HttpMethod method, string path, MessagePayload message, Reply reply, CancellationToken ct) =>
        reply.Attachments.Count == 0
            ? rest.SendAsync(method, path, message, ct)
            : rest.SendMultipartAsync(method, path, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, DiscordRestClient.Json),
                reply.Attachments.Select(a => (a.FileName, a.ContentType, a.Content)).ToList(), ct);

    private IReadOnlyList<CommandChoice> Suggest(Interaction interaction)
    {
        if (!mapper.Serves(interaction)) return [];
        var (path, options) = InvocationMapper.Leaf(interaction);
        var focused = options.FirstOrDefault(o => o.Focused);
        var option = focused is null ? null : CommandCatalogue.Find(path)?.Option(focused.Name);
        if (option is null) return [];
        return autocompleter.Suggest(option, focused!.Value ?? "")
            .Take(Autocompleter.Limit)
            .Where(s => s.Value.Length is > 0 and <= 100)
            .Select(s => new CommandChoice(Phrases.Clip(s.Name, 100), s.Value))
            .ToList();
    }

    private InteractionResponse Ephemeral(string text) => InteractionResponse.Message(renderer.Render(Reply.Error(text)));
}
