using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BriefingBot.Knowledge;

/// <summary>The JSON shape of stored payloads and exports: camelCase, enums as their vocabulary words.</summary>
public static class KnowledgeJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Serialize(FactData data) => JsonSerializer.Serialize(data, Options);

    public static FactData Deserialize(string json) =>
        JsonSerializer.Deserialize<FactData>(json, Options) ?? throw new JsonException("empty payload");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            // Each kind's record and its "$kind" word come from the kinds' homes, not from attributes on FactData.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { FactKinds.AddPolymorphism } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
