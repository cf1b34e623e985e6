using System.Text.Json;

namespace BriefingBot.TestSupport;

/// <summary>Block Kit's documented limits, checked on every payload the tests see.</summary>
public static class BlockKit
{
    public static IReadOnlyList<string> Check(string blocksJson)
    {
        using var doc = JsonDocument.Parse(blocksJson);
        return Check(doc.RootElement);
    }

    public static IReadOnlyList<string> Check(JsonElement blocks)
    {
        var problems = new List<string>();
        if (blocks.ValueKind != JsonValueKind.Array) return ["blocks is not an array"];
        if (blocks.GetArrayLength() > 50) problems.Add($"{blocks.GetArrayLength()} blocks; at most 50");
        var total = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            switch (type)
            {
                case "section":
                    var text = block.GetProperty("text").GetProperty("text").GetString()!;
                    total += text.Length;
                    if (text.Length > 3000) problems.Add($"section text of {text.Length} characters; at most 3000");
                    if (text.Length == 0) problems.Add("empty section text");
                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    if (elements.GetArrayLength() > 10) problems.Add("context with more than 10 elements");
                    total += elements.EnumerateArray().Sum(e => e.GetProperty("text").GetString()!.Length);
                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"unexpected block type {type}");
                    break;
            }
        }
        if (total > 12_000) problems.Add($"{total} characters of text; Slack refuses about 13,200 (msg_blocks_too_long)");
        return problems;
    }

    /// <summary>All the text a reader could see in a payload, for looking for what must never be there.</summary>
    public static string AllText(JsonElement payload) => payload.ToString();
}
