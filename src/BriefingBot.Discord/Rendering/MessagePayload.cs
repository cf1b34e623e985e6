namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's <c>allowed_mentions</c>; the door always sends an empty <c>parse</c>, so no text can ping anyone.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);
}

/// <summary>A file described in a message's <c>attachments</c>; the bytes go in a multipart part <c>files[Id]</c>.</summary>
// The id is written as a string, as the OpenAPI spec types it (a snowflake); the docs example writes 0, so both are read.
public sealed record MessageAttachment(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(AttachmentIdConverter))] string Id, string Filename, string? Description = null);

/// <summary>Reads an attachment id given as a number or a string; writes it as a string.</summary>
public sealed class AttachmentIdConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override string Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number
            ? reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : reader.GetString() ?? "";

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

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
