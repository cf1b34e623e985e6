using System.Text.Json;

namespace BriefingBot.Discord.Tests.Protocol;

/// <summary>
/// Checks a JSON payload against a schema of Discord's OpenAPI spec: required properties, no property the schema
/// does not name, types, enums, lengths, item counts and numeric bounds, through $ref, oneOf, anyOf and allOf.
/// A small subset of JSON Schema, but every rule it applies is one Discord's validator applies too.
/// </summary>
public sealed class OpenApiValidator
{
    /// <summary>
    /// Fields the preview spec types as integers where the docs (which win, per the spec's README) say strings.
    /// </summary>
    private static readonly HashSet<string> StringEncodedIntegers = ["default_member_permissions"];

    private static readonly Lazy<OpenApiValidator> Shared = new(() => new OpenApiValidator(ProtocolFiles.Path("discord-openapi.json")));
    private readonly JsonElement _schemas;
    private readonly JsonDocument _doc;

    public static OpenApiValidator Discord => Shared.Value;

    private static readonly Lazy<OpenApiValidator> Application =
        new(() => new OpenApiValidator(System.IO.Path.Combine(AppContext.BaseDirectory, "Protocol", "get-my-application.openapi.json")));

    /// <summary>GET /applications/@me and the schemas it uses, trimmed from the spec and kept in this project (see its info).</summary>
    public static OpenApiValidator DiscordApplication => Application.Value;

    private OpenApiValidator(string path)
    {
        _doc = JsonDocument.Parse(File.ReadAllBytes(path));
        _schemas = _doc.RootElement.GetProperty("components").GetProperty("schemas");
    }

    public bool HasSchema(string name) => _schemas.TryGetProperty(name, out _);

    /// <summary>All problems found; empty when the payload is valid.</summary>
    public IReadOnlyList<string> Validate(string json, string schemaName)
    {
        using var doc = JsonDocument.Parse(json);
        return Validate(doc.RootElement, schemaName);
    }

    public IReadOnlyList<string> Validate(JsonElement value, string schemaName)
    {
        var errors = new List<string>();
        Check(value, _schemas.GetProperty(schemaName), "$", errors, "");
        return errors;
    }

    /// <summary>Asserts validity, showing every problem when there are any.</summary>
    public void AssertValid(string json, string schemaName)
    {
        var errors = Validate(json, schemaName);
        Assert.True(errors.Count == 0, $"Not a valid {schemaName}:\n" + string.Join("\n", errors) + "\n" + json);
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var r))
            schema = _schemas.GetProperty(r.GetString()!.Split('/').Last());
        return schema;
    }

    private void Check(JsonElement value, JsonElement schema, string at, List<string> errors, string property)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var s in all.EnumerateArray()) Check(value, s, at, errors, property);
        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(union, out var options)) continue;
            var results = options.EnumerateArray().Select(s =>
            {
                var e = new List<string>();
                Check(value, s, at, e, property);
                return e;
            }).ToList();
            if (results.All(r => r.Count > 0))
                errors.Add($"{at}: matches none of the {union} alternatives; closest: " + string.Join("; ", results.MinBy(r => r.Count)!));
        }
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type, property))
        {
            errors.Add($"{at}: is {value.ValueKind}, expected {type}");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ToString() == value.ToString()))
            errors.Add($"{at}: {value} is not one of {allowed}");
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var length = value.GetString()!.Length;
                if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32()) errors.Add($"{at}: {length} characters, at most {max} allowed");
                if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32()) errors.Add($"{at}: {length} characters, at least {min} needed");
                break;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("maximum", out var hi) && value.GetDouble() > hi.GetDouble()) errors.Add($"{at}: {value} is over {hi}");
                if (schema.TryGetProperty("minimum", out var lo) && value.GetDouble() < lo.GetDouble()) errors.Add($"{at}: {value} is under {lo}");
                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
                    errors.Add($"{at}: {value.GetArrayLength()} items, at most {maxItems} allowed");
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) Check(item, items, $"{at}[{i++}]", errors, "");
                }
                break;
            case JsonValueKind.Object:
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                if (schema.TryGetProperty("required", out var required))
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: missing required property {name}");
                foreach (var member in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var sub))
                        Check(member.Value, sub, $"{at}.{member.Name}", errors, member.Name);
                    else if (properties.ValueKind == JsonValueKind.Object)
                        errors.Add($"{at}: unknown property {member.Name}");
                    else if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object)
                        Check(member.Value, extra, $"{at}.{member.Name}", errors, member.Name);
                }
                break;
        }
    }

    private static bool TypeMatches(JsonElement value, JsonElement type, string property)
    {
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return types.Any(t => t switch
        {
            "null" => value.ValueKind == JsonValueKind.Null,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _)
                         || StringEncodedIntegers.Contains(property) && value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => true,
        });
    }
}
