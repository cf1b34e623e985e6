using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace BriefingBot.TestSupport;

/// <summary>
/// Checks what we send against Slack's Web API description (tests/protocol/slack-web-openapi.json, Swagger 2.0):
/// every form field is an argument the method declares, required ones are there, booleans and numbers are well
/// formed, and the arguments that carry JSON (<c>blocks</c>, <c>files</c>) parse and are within their limits.
/// </summary>
public static class SlackWebSpec
{
    /// <summary>
    /// Methods newer than the 2020 spec (Socket Mode and the external upload flow), written in the spec's own form
    /// from the arguments Slack's method pages document, so they are checked by the same schema as the others.
    /// </summary>
    private const string NotInSpec = """
        {
          "apps.connections.open": [],
          "files.getUploadURLExternal": [
            { "name": "filename", "in": "formData", "type": "string", "required": true },
            { "name": "length", "in": "formData", "type": "integer", "minimum": 0, "required": true },
            { "name": "alt_txt", "in": "formData", "type": "string" },
            { "name": "snippet_type", "in": "formData", "type": "string" }
          ],
          "files.completeUploadExternal": [
            { "name": "files", "in": "formData", "type": "string", "required": true },
            { "name": "channel_id", "in": "formData", "type": "string" },
            { "name": "channels", "in": "formData", "type": "string" },
            { "name": "initial_comment", "in": "formData", "type": "string" },
            { "name": "thread_ts", "in": "formData", "type": "string" },
            { "name": "blocks", "in": "formData", "type": "string" }
          ]
        }
        """;

    /// <summary>What files.completeUploadExternal's <c>files</c> holds: a non-empty array of uploads, each with its id.</summary>
    private static readonly JsonSchema Files = JsonSchema.FromText("""
        { "type": "array", "minItems": 1, "items": { "type": "object", "required": ["id"] } }
        """, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://briefingbot.invalid/protocol/slack/files"));

    // JsonDocument rather than JsonNode: tests of several classes read the spec at once, and JsonElement reads are safe to share.
    private static readonly Lazy<JsonDocument> Spec = new(() => JsonDocument.Parse(File.ReadAllBytes(ProtocolFiles.Path("slack-web-openapi.json"))));
    private static readonly JsonDocument Documented = JsonDocument.Parse(NotInSpec);
    private static readonly ConcurrentDictionary<string, JsonSchema?> Forms = new();

    public static bool Describes(string method) => Operation(method) is not null;

    /// <summary>The spec's documented error codes for a method, so the fake only answers errors Slack really sends.</summary>
    public static IReadOnlyList<string> Errors(string method) =>
        Operation(method) is { } op && op.GetProperty("responses").TryGetProperty("default", out var d)
            ? d.GetProperty("schema").GetProperty("properties").GetProperty("error").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];

    public static IReadOnlyList<string> Check(string method, IReadOnlyDictionary<string, string> form)
    {
        if (Forms.GetOrAdd(method, Build) is not { } schema) return [$"{method} is not in the spec"];
        var problems = SchemaCheck.Problems(schema, JsonSerializer.SerializeToElement(form)).ToList();
        if (form.TryGetValue("blocks", out var blocks)) problems.AddRange(Json("blocks", blocks, BlockKit.Check));
        if (form.TryGetValue("files", out var files)) problems.AddRange(Json("files", files, f => SchemaCheck.Problems(Files, f)));
        return problems;
    }

    private static JsonSchema? Build(string method) =>
        Operation(method) is { } op ? SlackFormSchema.For(method, op.GetProperty("parameters"))
        : Documented.RootElement.TryGetProperty(method, out var documented) ? SlackFormSchema.For(method, documented)
        : null;

    private static IEnumerable<string> Json(string name, string text, Func<JsonElement, IReadOnlyList<string>> check)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return check(doc.RootElement).Select(p => $"{name}: {p}").ToList();
        }
        catch (JsonException)
        {
            return [$"{name} is not JSON"];
        }
    }

    private static JsonElement? Operation(string method) =>
        Spec.Value.RootElement.GetProperty("paths").TryGetProperty("/" + method, out var path) && path.TryGetProperty("post", out var post) ? post : null;
}
