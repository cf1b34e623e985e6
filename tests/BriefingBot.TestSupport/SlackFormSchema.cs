using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BriefingBot.TestSupport;

/// <summary>
/// A JSON Schema for one Slack Web API form post, built from the method's Swagger 2.0 <c>formData</c> parameters:
/// an object of strings (a form carries nothing else) with the declared arguments only, the required ones present,
/// and booleans and numbers written as Slack reads them.
/// </summary>
public static class SlackFormSchema
{
    public static JsonSchema For(string method, JsonElement parameters)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "formData"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            properties[name] = Argument(parameter);
            if (parameter.TryGetProperty("required", out var r) && r.GetBoolean()) required.Add(name);
        }
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            // Slack ignores an argument it does not know, so a misspelt one would fail silently; the tests refuse it.
            ["additionalProperties"] = false,
        };
        return JsonSchema.Build(JsonSerializer.SerializeToElement(schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://briefingbot.invalid/protocol/slack/{method}"));
    }

    private static JsonObject Argument(JsonElement parameter) => (parameter.TryGetProperty("type", out var type) ? type.GetString() : "string") switch
    {
        "boolean" => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("true", "false") },
        // A count (minimum 0) is digits only; other integers may be negative.
        "integer" => Pattern(parameter.TryGetProperty("minimum", out var min) && min.GetDouble() >= 0 ? "^[0-9]+$" : "^-?[0-9]+$"),
        "number" => Pattern(@"^-?[0-9]+(\.[0-9]+)?$"),
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonObject Pattern(string pattern) => new() { ["type"] = "string", ["pattern"] = pattern };
}
