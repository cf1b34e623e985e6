using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's <c>allowed_mentions</c>; the door always sends an empty <c>parse</c>, so no text can ping anyone.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);
}

public sealed record EmbedFooter(string Text);

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedMedia(string Url);

/// <summary>One embed as Discord's RichEmbed, with only the fields the door uses.</summary>
public sealed record Embed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
    public EmbedFooter? Footer { get; init; }
    public EmbedMedia? Image { get; init; }
    public EmbedMedia? Thumbnail { get; init; }
}

/// <summary>A file described in a message's <c>attachments</c>; the bytes go in a multipart part <c>files[Id]</c>.</summary>
public sealed record MessageAttachment(int Id, string Filename, string? Description = null);

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

/// <summary>One autocomplete suggestion; both at most 100 characters.</summary>
public sealed record CommandChoice(string Name, string Value);

public sealed record AutocompleteResult(IReadOnlyList<CommandChoice> Choices);

/// <summary>What an interaction is answered with: <c>{"type": N, "data": …}</c>.</summary>
public sealed record InteractionResponse(int Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data = null)
{
    public const int Pong = 1, ChannelMessage = 4, Deferred = 5, AutocompleteResult = 8;

    public static readonly InteractionResponse PongResponse = new(Pong);

    public static InteractionResponse Message(MessagePayload message) => new(ChannelMessage, message);

    public static InteractionResponse Defer(bool ephemeral) =>
        new(Deferred, new MessagePayload { Flags = ephemeral ? MessagePayload.Ephemeral : null, AllowedMentions = null });

    public static InteractionResponse Choices(IReadOnlyList<CommandChoice> choices) => new(AutocompleteResult, new Rendering.AutocompleteResult(choices));
}
