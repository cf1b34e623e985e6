using BriefingBot.Knowledge;

namespace BriefingBot.Updates;

/// <summary>
/// Reads the <c>about</c> option of an update: proposals or terms by id or a proposal by name, separated by commas
/// ("P2", "P1, T14", "Jeddah framework"), or "none" to clear it.
/// </summary>
public static class AboutOption
{
    /// <summary>The fact ids named, an empty list for "none", or an error that says which part was not understood.</summary>
    public static bool TryRead(string text, FactQueries queries, out IReadOnlyList<long> ids, out string error)
    {
        ids = [];
        error = "";
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        var found = new List<long>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            FactView? fact = FactCode.TryParse(part, out var code)
                ? code.Value.Kind == FactKind.Proposal || code.Value.Kind == FactKind.Term ? queries.Get(code.Value) : null
                : queries.FindProposals(part, 1) is [var proposal, ..] ? proposal : null;
            if (fact is null or { Current.Retracted: true })
            {
                error = $"about: “{part}” is not a proposal or term that stands. Give ids such as P2 or T14 (or a proposal's name), separated by commas.";
                return false;
            }
            if (!found.Contains(fact.Current.FactId)) found.Add(fact.Current.FactId);
        }
        ids = found;
        return true;
    }
}
