using System.Text.Json.Nodes;

namespace BriefingBot.TestSupport;

/// <summary>
/// Turns the component schemas of an OpenAPI 3.1 description into one JSON Schema 2020-12 document: the schemas
/// become <c>$defs</c> and their <c>#/components/schemas/</c> references point there. Two adjustments keep the rules
/// our tests have always applied: an object schema that lists its properties is closed, and the string-encoded
/// integers that Discord's preview spec mistypes are accepted as strings of digits.
/// </summary>
public static class OpenApiSchemaDocument
{
    private const string ComponentRef = "#/components/schemas/";

    /// <summary>Keywords whose value is one subschema, or a map or array of subschemas; everything else is data.</summary>
    private static readonly HashSet<string> OneSchema = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "not", "if", "then", "else", "contains", "propertyNames"];
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];

    public static JsonObject Build(JsonObject openApi, Uri id, IReadOnlySet<string> stringEncodedIntegers)
    {
        var defs = openApi["components"]!["schemas"]!.AsObject().DeepClone().AsObject();
        foreach (var (_, schema) in defs) Adjust(schema, stringEncodedIntegers);
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = id.ToString(),
            ["$defs"] = defs,
        };
    }

    private static void Adjust(JsonNode? node, IReadOnlySet<string> stringEncodedIntegers)
    {
        if (node is not JsonObject schema) return;
        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith(ComponentRef, StringComparison.Ordinal))
            schema["$ref"] = "#/$defs/" + target[ComponentRef.Length..];
        // Closed, because a field we send that Discord does not document is a typo or a guess, and Discord drops or
        // refuses it; unevaluatedProperties (not additionalProperties) so properties named through allOf still count.
        if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
            schema["unevaluatedProperties"] = false;
        foreach (var (keyword, value) in schema.ToList())
        {
            if (OneSchema.Contains(keyword)) Adjust(value, stringEncodedIntegers);
            else if (SchemaLists.Contains(keyword) && value is JsonArray list) foreach (var item in list) Adjust(item, stringEncodedIntegers);
            else if (SchemaMaps.Contains(keyword) && value is JsonObject map) foreach (var (_, item) in map) Adjust(item, stringEncodedIntegers);
        }
        if (schema["properties"] is JsonObject properties)
            foreach (var name in stringEncodedIntegers)
                if (properties[name] is JsonObject property && AllowsInteger(property))
                    properties[name] = new JsonObject { ["anyOf"] = new JsonArray(property.DeepClone(), DigitString()) };
    }

    private static bool AllowsInteger(JsonObject schema) => schema["type"] switch
    {
        JsonValue one => one.GetValue<string>() == "integer",
        JsonArray many => many.Any(t => t?.GetValue<string>() == "integer"),
        _ => false,
    };

    private static JsonObject DigitString() => new() { ["type"] = "string", ["pattern"] = "^[0-9]+$" };
}
