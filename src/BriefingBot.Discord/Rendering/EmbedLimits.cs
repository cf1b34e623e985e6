namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's embed limits (characters, after trimming); a message over any of them is rejected whole.</summary>
public static class EmbedLimits
{
    public const int Title = 256, Description = 4096, Fields = 25, FieldName = 256, FieldValue = 1024, Footer = 2048;
    public const int Total = 6000, EmbedsPerMessage = 10;

    /// <summary>The characters Discord counts against <see cref="Total"/> across a message's embeds.</summary>
    public static int Count(IEnumerable<Embed> embeds) => embeds.Sum(e =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0) +
        (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0));
}
