namespace BriefingBot.Knowledge;

/// <summary>A person, state or organisation, with the other names people use for it.</summary>
public sealed record Actor(long Id, string Name, ActorKind Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>The aliases that are places ("Washington"): they find the actor, but search does not read them as it.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The names search text spells the actor out with: its name and aliases, less the places.</summary>
    public IEnumerable<string> SearchNames =>
        Aliases.Prepend(Name).Where(a => !Places.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The name as it reads in a sentence: "the Kremlin", "the United Kingdom". A state or organisation takes "the" when it was
    /// named with it (an alias "the Kremlin", kept when a moderator writes +the Kremlin or /update actor name:"the Kremlin"),
    /// and a state also when its name says so ("United …", "… Republic").
    /// </summary>
    public string Display => Kind != ActorKind.Person && (Kind == ActorKind.State && TakesArticle(Name) || Aliases.Any(NamesWithArticle))
        ? "the " + Name : Name;

    /// <summary>Whether an alias is the name with its article, "the Kremlin" of Kremlin: the mark that the name takes one.</summary>
    public bool NamesWithArticle(string alias) =>
        alias.Length == Name.Length + Article.Length && alias.StartsWith(Article, StringComparison.OrdinalIgnoreCase)
        && alias.EndsWith(Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A state's or organisation's name typed with its article ("the Kremlin") as the name to store ("Kremlin") and whether it
    /// takes the article; a person's name, or one without it, as it is.
    /// </summary>
    public static (string Name, bool TakesArticle) WithoutArticle(string typed, ActorKind kind)
    {
        typed = typed.Trim();
        return kind != ActorKind.Person && typed.Length > Article.Length && typed.StartsWith(Article, StringComparison.OrdinalIgnoreCase)
            ? (typed[Article.Length..].Trim(), true)
            : (typed, false);
    }

    private const string Article = "the ";

    private static bool TakesArticle(string name) =>
        name.StartsWith("United ", StringComparison.Ordinal) || name.EndsWith(" Republic", StringComparison.Ordinal)
        || name.StartsWith("Netherlands", StringComparison.Ordinal);
}
