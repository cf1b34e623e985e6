using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BriefingBot.TestSupport;

/// <summary>
/// Discord's OpenAPI description (tests/protocol/discord-openapi.json) as JSON Schema 2020-12: checks a payload we
/// send against a named component schema — required properties, no property the schema does not name, types, enums,
/// lengths, item counts and numeric bounds, through $ref, oneOf, anyOf and allOf.
/// </summary>
public sealed class DiscordSpec
{
    /// <summary>
    /// Fields the preview spec types as integers where the docs (which win, per the spec's README) say strings.
    /// </summary>
    private static readonly HashSet<string> StringEncodedIntegers = ["default_member_permissions"];

    private static readonly Uri Id = new("https://briefingbot.invalid/protocol/discord-openapi.json");
    private static readonly Lazy<DiscordSpec> Loaded = new(() => new DiscordSpec(ProtocolFiles.Path("discord-openapi.json")));

    private readonly BuildOptions _options = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly ConcurrentDictionary<string, JsonSchema> _byName = new();
    private readonly HashSet<string> _names;

    public static DiscordSpec Shared => Loaded.Value;

    private DiscordSpec(string path)
    {
        var openApi = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
        var document = OpenApiSchemaDocument.Build(openApi, Id, StringEncodedIntegers);
        _names = document["$defs"]!.AsObject().Select(d => d.Key).ToHashSet();
        _options.SchemaRegistry.Register(JsonSchema.Build(JsonSerializer.SerializeToElement(document), _options, Id));
    }

    public bool HasSchema(string name) => _names.Contains(name);

    /// <summary>All problems found; empty when the payload is valid.</summary>
    public IReadOnlyList<string> Validate(string json, string schemaName)
    {
        using var doc = JsonDocument.Parse(json);
        return Validate(doc.RootElement, schemaName);
    }

    public IReadOnlyList<string> Validate(JsonElement value, string schemaName) => SchemaCheck.Problems(Schema(schemaName), value);

    /// <summary>Asserts validity, showing every problem when there are any.</summary>
    public void AssertValid(string json, string schemaName)
    {
        var errors = Validate(json, schemaName);
        Assert.True(errors.Count == 0, $"Not a valid {schemaName}:\n" + string.Join("\n", errors) + "\n" + json);
    }

    private JsonSchema Schema(string name)
    {
        if (!HasSchema(name)) throw new ArgumentException($"Discord's spec (as kept in tests/protocol) has no schema {name}.", nameof(name));
        if (_byName.TryGetValue(name, out var built)) return built;
        // Built one at a time: building registers into the shared registry, and tests of several classes run at once.
        lock (_options)
            return _byName.GetOrAdd(name, n => JsonSchema.Build(JsonSerializer.SerializeToElement(new JsonObject { ["$ref"] = $"{Id}#/$defs/{n}" }), _options));
    }
}
