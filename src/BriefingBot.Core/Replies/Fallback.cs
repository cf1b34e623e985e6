namespace BriefingBot.Replies;

/// <summary>
/// The one answer for a command that failed where nobody expected it to (the core, a door's renderer, the network):
/// the same words everywhere, saying that nothing was changed, so the asker may simply try again.
/// </summary>
public static class Fallback
{
    public static Reply Failed(string? command = null) => Reply.Error(
        $"Something went wrong answering {(string.IsNullOrWhiteSpace(command) ? "that" : command)}; nothing was changed. " +
        "Please try again, and tell a moderator if it keeps happening.");
}
