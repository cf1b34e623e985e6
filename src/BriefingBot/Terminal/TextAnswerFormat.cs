using BriefingBot.Doors;
using BriefingBot.Replies;

namespace BriefingBot.Terminal;

/// <summary>A reply as the terminal chat prints it, pictures saved beside it (<c>ask</c>, the default format).</summary>
public sealed class TextAnswerFormat(TextRenderer renderer, TerminalAttachments attachments) : IAnswerFormat
{
    public string Name => "text";

    public string Write(Reply reply) => renderer.Render(reply) + attachments.Save(reply);
}
