namespace BriefingBot.Discord.Rendering;

/// <summary>The small text under an embed.</summary>
public sealed record EmbedFooter(string Text);

/// <summary>A name/value pair inside an embed.</summary>
public sealed record EmbedField(string Name, string Value, bool? Inline = null);

/// <summary>An image or thumbnail, by URL (or <c>attachment://name</c>).</summary>
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
