namespace BriefingBot.Commands;

/// <summary>The roles a door can report for the person asking.</summary>
public enum Role { Member, Moderator }

/// <summary>Who asked: the platform, their id there, the name to show and the role the door mapped.</summary>
public sealed record Caller(string Platform, string UserId, string DisplayName, Role Role)
{
    // Names and ids come from the platform (a nickname, a user name) and end up in the audit log.
    public string UserId { get; init => field = InboundText.SingleLine(value); } = InboundText.SingleLine(UserId);
    public string DisplayName { get; init => field = InboundText.SingleLine(value); } = InboundText.SingleLine(DisplayName);

    /// <summary>
    /// Why the door mapped someone its platform would call a moderator to a member, when it did: the refusal says so,
    /// so a server admin learns the cause instead of being sent to a moderator who could not help either.
    /// </summary>
    public string? ModeratorWithheld { get; init; }

    public Knowledge.ChangeAuthor Author => new(Platform, UserId, DisplayName);
}

/// <summary>
/// A command as any door hands it to the core: its path, its raw option values, who asked, where and when. Every
/// text in it is cleaned by <see cref="InboundText"/> as it is set, so no door can hand the core unsafe text.
/// </summary>
public sealed record Invocation(
    IReadOnlyList<string> Path,
    IReadOnlyDictionary<string, string> Options,
    Caller Caller,
    string ChannelId,
    DateTimeOffset ReceivedAt,
    string Locale = "en")
{
    public IReadOnlyList<string> Path { get; init => field = CleanPath(value); } = CleanPath(Path);
    public IReadOnlyDictionary<string, string> Options { get; init => field = CleanOptions(value); } = CleanOptions(Options);
    public string ChannelId { get; init => field = InboundText.SingleLine(value); } = InboundText.SingleLine(ChannelId);
    public string Locale { get; init => field = InboundText.SingleLine(value); } = InboundText.SingleLine(Locale);

    public string CommandText => "/" + string.Join(' ', Path);

    private static IReadOnlyList<string> CleanPath(IReadOnlyList<string> path) => path.Select(InboundText.SingleLine).ToList();

    private static IReadOnlyDictionary<string, string> CleanOptions(IReadOnlyDictionary<string, string> options)
    {
        var clean = new Dictionary<string, string>(options.Count, StringComparer.Ordinal);
        // Two names that differ only in dropped characters are one option; the first given wins.
        foreach (var (name, value) in options) clean.TryAdd(InboundText.SingleLine(name), InboundText.MultiLine(value));
        return clean;
    }
}
