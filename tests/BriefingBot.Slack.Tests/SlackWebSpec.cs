using System.Globalization;
using System.Text.Json;

namespace BriefingBot.Slack.Tests;

/// <summary>
/// Checks what we send against Slack's OpenAPI description (../shared/protocol/slack-web-openapi.json): every form
/// field is an argument the method declares, required ones are there, booleans and numbers are well formed, and
/// blocks are a JSON array within Block Kit's limits. The 2020 spec predates the external upload flow, so those two
/// methods are checked against the arguments the protocol brief documents instead.
/// </summary>
public static class SlackWebSpec
{
    private static readonly Lazy<JsonDocument> Spec = new(() => JsonDocument.Parse(File.ReadAllText(FindSpec())));

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> NotInSpec = new()
    {
        ["apps.connections.open"] = ([], []),
        ["files.getUploadURLExternal"] = (["filename", "length"], ["alt_txt", "snippet_type"]),
        ["files.completeUploadExternal"] = (["files"], ["channel_id", "channels", "initial_comment", "thread_ts", "blocks"]),
    };

    public static string SpecPath => FindSpec();

    public static bool Describes(string method) => Spec.Value.RootElement.GetProperty("paths").TryGetProperty("/" + method, out _);

    /// <summary>The spec's documented error codes for a method, so the fake only answers errors Slack really sends.</summary>
    public static IReadOnlyList<string> Errors(string method) =>
        Operation(method) is { } op && op.GetProperty("responses").TryGetProperty("default", out var d)
            ? d.GetProperty("schema").GetProperty("properties").GetProperty("error").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];

    public static IReadOnlyList<string> Check(string method, IReadOnlyDictionary<string, string> form)
    {
        var problems = new List<string>();
        if (NotInSpec.TryGetValue(method, out var documented))
        {
            problems.AddRange(documented.Required.Where(r => !form.ContainsKey(r)).Select(r => $"missing required {r}"));
            problems.AddRange(form.Keys.Where(k => !documented.Required.Contains(k) && !documented.Optional.Contains(k)).Select(k => $"unknown argument {k}"));
            if (form.TryGetValue("length", out var length) && !int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                problems.Add("length is not a whole number");
            if (form.TryGetValue("files", out var files)) problems.AddRange(CheckFiles(files));
            return problems;
        }
        if (Operation(method) is not { } op) return [$"{method} is not in the spec"];
        var parameters = op.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "formData")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        foreach (var (name, spec) in parameters)
            if (spec.TryGetProperty("required", out var required) && required.GetBoolean() && !form.ContainsKey(name))
                problems.Add($"missing required {name}");
        foreach (var (name, value) in form)
        {
            if (!parameters.TryGetValue(name, out var spec))
            {
                problems.Add($"unknown argument {name}");
                continue;
            }
            var type = spec.TryGetProperty("type", out var t) ? t.GetString() : "string";
            if (type == "boolean" && value is not ("true" or "false")) problems.Add($"{name} is not a boolean: {value}");
            if (type is "integer" or "number" && !double.TryParse(value, CultureInfo.InvariantCulture, out _)) problems.Add($"{name} is not a number");
            if (name == "blocks") problems.AddRange(BlockKit.Check(value));
        }
        return problems;
    }

    private static IEnumerable<string> CheckFiles(string files)
    {
        JsonElement array;
        try
        {
            array = JsonDocument.Parse(files).RootElement;
        }
        catch (JsonException)
        {
            return ["files is not JSON"];
        }
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0) return ["files is not a non-empty array"];
        return array.EnumerateArray().Where(f => !f.TryGetProperty("id", out _)).Select(_ => "a file has no id");
    }

    private static JsonElement? Operation(string method) =>
        Spec.Value.RootElement.GetProperty("paths").TryGetProperty("/" + method, out var path) && path.TryGetProperty("post", out var post) ? post : null;

    private static string FindSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "protocol", "slack-web-openapi.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("slack-web-openapi.json was not found in shared/protocol/ beside the repository (../shared/protocol/).");
    }
}
