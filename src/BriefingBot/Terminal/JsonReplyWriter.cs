using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Replies;

namespace BriefingBot.Terminal;

/// <summary>The neutral reply as JSON, for scripts: <c>ask --format json</c>.</summary>
public static class JsonReplyWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(Reply reply) => JsonSerializer.Serialize(reply, Options) + "\n";
}
