using BriefingBot.Doors;
using BriefingBot.Replies;

namespace BriefingBot.Terminal;

/// <summary>The neutral reply as JSON, for scripts (<c>ask --format json</c>).</summary>
public sealed class JsonAnswerFormat : IAnswerFormat
{
    public string Name => "json";

    public string Write(Reply reply) => JsonReplyWriter.Write(reply);
}
