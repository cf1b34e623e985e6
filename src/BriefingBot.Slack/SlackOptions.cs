namespace BriefingBot.Slack;

/// <summary>How Slack reaches the bot: over a Socket Mode WebSocket it opens, or by POSTing to its public URL.</summary>
public enum SlackMode { SocketMode, Http }

/// <summary>Settings of the <c>Slack</c> section; the door starts when <c>Slack:BotToken</c> is set.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The bot token (xoxb-…) for the Web API: chat.postMessage and file uploads.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app-level token (xapp-…, scope connections:write) that opens Socket Mode connections.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>The app's signing secret, which proves an HTTP request came from Slack (HTTP mode only).</summary>
    public string SigningSecret { get; set; } = "";

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>Workspaces (T…) the bot answers; empty answers any workspace the app is installed in.</summary>
    public List<string> TeamIds { get; set; } = [];

    /// <summary>Users (U… or W…) who may run moderator commands.</summary>
    public List<string> ModeratorUserIds { get; set; } = [];

    /// <summary>Where the Web API lives; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>When set, the WebSocket URL used instead of the one apps.connections.open returns.</summary>
    public string SocketModeUrl { get; set; } = "";

    /// <summary>Where HTTP mode listens for <c>POST /slack/commands</c>.</summary>
    public string HttpListenUrl { get; set; } = "http://0.0.0.0:3000";

    /// <summary>How long a slash command may take to be answered in the HTTP response itself; slower ones go through response_url.</summary>
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Commands run by this many workers; the queue holds at most <see cref="QueueCapacity"/> waiting ones.</summary>
    public int Workers { get; set; } = 4;

    public int QueueCapacity { get; set; } = 200;

    /// <summary>How often the bot pings Slack over the socket, and how long it waits for the pong before replacing it.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A new socket that has not said hello in this time is given up and replaced.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect waits double from one second up to this.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    internal bool IsModerator(string userId) => ModeratorUserIds.Any(id => string.Equals(id, userId, StringComparison.Ordinal));

    /// <summary>Whether a command from this workspace (or, on Enterprise Grid, this organisation) may run.</summary>
    internal bool AllowsTeam(string? teamId, string? enterpriseId = null) =>
        TeamIds.Count == 0
        || (teamId is not null && TeamIds.Contains(teamId, StringComparer.Ordinal))
        || (enterpriseId is not null && TeamIds.Contains(enterpriseId, StringComparer.Ordinal));

    internal Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
