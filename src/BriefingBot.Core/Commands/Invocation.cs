namespace BriefingBot.Commands;

/// <summary>The roles a door can report for the person asking.</summary>
public enum Role { Member, Moderator }

/// <summary>Who asked: the platform, their id there, the name to show and the role the door mapped.</summary>
public sealed record Caller(string Platform, string UserId, string DisplayName, Role Role)
{
    /// <summary>
    /// Why the door mapped someone its platform would call a moderator to a member, when it did: the refusal says so,
    /// so a server admin learns the cause instead of being sent to a moderator who could not help either.
    /// </summary>
    public string? ModeratorWithheld { get; init; }

    public Knowledge.ChangeAuthor Author => new(Platform, UserId, DisplayName);
}

/// <summary>A command as any door hands it to the core: its path, its raw option values, who asked, where and when.</summary>
public sealed record Invocation(
    IReadOnlyList<string> Path,
    IReadOnlyDictionary<string, string> Options,
    Caller Caller,
    string ChannelId,
    DateTimeOffset ReceivedAt,
    string Locale = "en")
{
    public string CommandText => "/" + string.Join(' ', Path);
}
