namespace BriefingBot.Knowledge;

/// <summary>A person, state or organisation, with the other names people use for it.</summary>
public sealed record Actor(long Id, string Name, ActorKind Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>The name as it reads in a sentence: states such as "United Kingdom" take "the".</summary>
    /// <summary>The aliases that are places ("Washington"): they find the actor, but search does not read them as it.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The names search text spells the actor out with: its name and aliases, less the places.</summary>
    public IEnumerable<string> SearchNames =>
        Aliases.Prepend(Name).Where(a => !Places.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);

    public string Display => Kind == ActorKind.State && TakesArticle(Name) ? "the " + Name : Name;

    private static bool TakesArticle(string name) =>
        name.StartsWith("United ", StringComparison.Ordinal) || name.EndsWith(" Republic", StringComparison.Ordinal)
        || name.StartsWith("Netherlands", StringComparison.Ordinal);
}
