using System.Text.Json;
using Json.Schema;

namespace BriefingBot.TestSupport;

/// <summary>Runs a JSON Schema (JsonSchema.Net) over a value and says each problem in one line: where, and what.</summary>
public static class SchemaCheck
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    private sealed record Problem(int Depth, string Text);

    /// <summary>All problems found; empty when the value is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement value)
    {
        var results = schema.Evaluate(value, Options);
        if (results.IsValid) return [];
        var problems = Collect(results).Select(p => p.Text).ToList();
        return problems.Count > 0 ? problems : [$"/: invalid (schema {results.EvaluationPath})"];
    }

    /// <summary>
    /// The errors of a failed node and of its failed children only: a union's branches that failed while another
    /// matched are not problems. When every branch of a union fails, only the closest ones are told — those whose
    /// problems lie deepest in the value, then the fewest — because a complaint at the top of a branch ("not an
    /// object", "type is not 1") only says the value is another kind.
    /// </summary>
    private static List<Problem> Collect(EvaluationResults node)
    {
        if (node.IsValid) return [];
        var problems = (node.Errors ?? new Dictionary<string, string>())
            .Select(e => new Problem(node.InstanceLocation.SegmentCount, $"{Where(node)}: {Say(node, e.Key, e.Value)} (schema {node.EvaluationPath})"))
            .ToList();
        var failed = (node.Details ?? []).Where(d => !d.IsValid).ToList();
        var branches = failed.Where(IsBranch).Select(Collect).Where(b => b.Count > 0).ToList();
        if (branches.Count > 0)
        {
            var deepest = branches.Max(b => b.Max(p => p.Depth));
            var closest = branches.Where(b => b.Max(p => p.Depth) == deepest).ToList();
            var fewest = closest.Min(b => b.Count);
            problems.AddRange(closest.Where(b => b.Count == fewest).SelectMany(b => b));
        }
        foreach (var child in failed.Where(d => !IsBranch(d))) problems.AddRange(Collect(child));
        return problems;
    }

    private static bool IsBranch(EvaluationResults node) =>
        node.EvaluationPath.SegmentCount >= 2 && node.EvaluationPath[node.EvaluationPath.SegmentCount - 2].ToString() is "oneOf" or "anyOf";

    /// <summary>The library's words, except for a closed object's false schema, whose words do not say what is wrong.</summary>
    private static string Say(EvaluationResults node, string keyword, string message)
    {
        var count = node.EvaluationPath.SegmentCount;
        var last = count > 0 ? node.EvaluationPath[count - 1].ToString() : "";
        if (keyword is "" && last is "unevaluatedProperties" or "additionalProperties") return "unknown property: the schema does not name it";
        return keyword is "" ? message : $"{keyword}: {message}";
    }

    private static string Where(EvaluationResults node) => node.InstanceLocation.ToString() is "" ? "/" : node.InstanceLocation.ToString();
}
