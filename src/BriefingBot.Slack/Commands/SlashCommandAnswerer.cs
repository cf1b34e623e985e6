using System.Text.Json.Nodes;
using BriefingBot.Commands;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.Commands;

/// <summary>
/// Turns a Slack slash command into the core's terms and back: the workspace check, who is asking (a moderator when
/// listed in Slack:ModeratorUserIds), the text parsed with the terminal's option syntax, the reply as Block Kit.
/// </summary>
public sealed class SlashCommandAnswerer(CommandRouter router, BlockKitRenderer renderer, RenderedSlackReplies rendered, IOptions<SlackOptions> options)
{
    /// <summary>A polite refusal for a workspace this bot does not serve, or null when the command may run.</summary>
    public SlackMessage? Refusal(SlashCommand command) =>
        options.Value.AllowsTeam(command.TeamId, command.EnterpriseId)
            ? null
            : renderer.Render(Reply.Error("Sorry, this BriefingBot only answers in the workspaces it was set up for. Ask the person who runs it to add this workspace."));

    public static SlackMessage Busy(BlockKitRenderer renderer) =>
        renderer.Render(Reply.Error("I'm answering a lot of questions right now; please try again in a minute."));

    public async Task<(Reply Reply, SlackMessage Message)> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var role = options.Value.IsModerator(command.UserId) ? Role.Moderator : Role.Member;
        var caller = new Caller(SlackDoor.Platform, command.UserId, string.IsNullOrWhiteSpace(command.UserName) ? command.UserId : command.UserName, role);
        // Slack entity-encodes & < > in the text it sends; the store keeps what the person typed.
        var text = $"{command.Command} {Mrkdwn.Unescape(command.Text)}";
        var reply = await router.RouteTextAsync(text, caller, command.ChannelId, cancellationToken);
        return (reply, rendered.Render(reply));
    }

    /// <summary>The body of an acknowledgement that also answers (a refusal or a busy note); null acknowledges silently.</summary>
    public static JsonObject? AckPayload(SlackMessage? message) => message?.ResponsePayload();
}
