namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's <c>allowed_mentions</c>; the door always sends an empty <c>parse</c>, so no text can ping anyone.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);
}

/// <summary>A file described in a message's <c>attachments</c>; the bytes go in a multipart part <c>files[Id]</c>.</summary>
// The id is a string: the OpenAPI spec types it as a snowflake, though the docs example writes 0.
public sealed record MessageAttachment(string Id, string Filename, string? Description = null);

/// <summary>The message body of a callback (type 4), an edit of <c>@original</c>, a follow-up or a channel post.</summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }
    public bool? Tts { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; } = Rendering.AllowedMentions.None;
    public int? Flags { get; init; }
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }

    /// <summary>Only the person who asked sees the message.</summary>
    public const int Ephemeral = 1 << 6;
}
