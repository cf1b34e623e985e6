using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;

namespace BriefingBot.Knowledge;

/// <summary>Every kind of fact, found once by looking for their homes in this assembly; what the rest of the code asks about kinds.</summary>
public static class FactKinds
{
    private static readonly Registry Kinds = new();

    /// <summary>Every kind, in briefing order then word.</summary>
    public static IReadOnlyList<FactKind> All => Kinds.All;

    /// <summary>The one instance of a home.</summary>
    public static FactKind Get<THome>() where THome : FactKind => Kinds.ByHome[typeof(THome)];

    /// <summary>The kind whose revisions hold data of this type.</summary>
    public static FactKind OfData(Type dataType) =>
        Kinds.ByData.TryGetValue(dataType, out var kind) ? kind : throw new ArgumentException($"{dataType.Name} belongs to no kind of fact.", nameof(dataType));

    public static bool TryParse(string? word, [NotNullWhen(true)] out FactKind? kind)
    {
        kind = null;
        return word is not null && Kinds.ByWord.TryGetValue(word.Trim(), out kind);
    }

    /// <summary>The kind of a stored word; the database only holds words this build wrote.</summary>
    public static FactKind Parse(string word) =>
        TryParse(word, out var kind) ? kind : throw new FormatException($"'{word}' is not a kind of fact.");

    public static bool TryFromLetter(char letter, [NotNullWhen(true)] out FactKind? kind) =>
        Kinds.ByLetter.TryGetValue(char.ToUpperInvariant(letter), out kind);

    /// <summary>
    /// A System.Text.Json resolver modifier: lets <see cref="FactData"/> read and write every kind's record under a
    /// "$kind" word, so adding a kind needs no attribute on the base record.
    /// </summary>
    public static void AddPolymorphism(JsonTypeInfo info)
    {
        if (info.Type != typeof(FactData)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$kind" };
        foreach (var kind in All)
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.DataType, kind.Word));
    }

    private sealed class Registry
    {
        public readonly IReadOnlyList<FactKind> All;
        public readonly Dictionary<Type, FactKind> ByHome;
        public readonly Dictionary<Type, FactKind> ByData;
        public readonly Dictionary<string, FactKind> ByWord;
        public readonly Dictionary<char, FactKind> ByLetter;

        public Registry()
        {
            // Reflection rather than a list, so a new kind is its home file and nothing else; homes have a parameterless constructor.
            All = typeof(FactKind).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(FactKind)) && !t.IsAbstract)
                .Select(t => (FactKind)Activator.CreateInstance(t, nonPublic: true)!)
                .OrderBy(k => k.BriefingOrder).ThenBy(k => k.Word, StringComparer.Ordinal)
                .ToList();
            ByHome = All.ToDictionary(k => k.GetType());
            ByData = Unique(k => k.DataType, "data record");
            ByWord = Unique(k => k.Word, "word", StringComparer.OrdinalIgnoreCase);
            ByLetter = Unique(k => k.Letter, "letter");
            if (All.FirstOrDefault(k => !char.IsAsciiLetterUpper(k.Letter) || k.Word.Length == 0 || !string.Equals(k.Word, k.Word.ToLowerInvariant(), StringComparison.Ordinal)) is { } bad)
                throw new InvalidOperationException($"{bad.GetType().Name} needs a capital letter and a lower-case word.");
        }

        private Dictionary<TKey, FactKind> Unique<TKey>(Func<FactKind, TKey> key, string what, IEqualityComparer<TKey>? comparer = null)
            where TKey : notnull
        {
            var map = new Dictionary<TKey, FactKind>(comparer);
            foreach (var kind in All)
                if (!map.TryAdd(key(kind), kind))
                    throw new InvalidOperationException($"{kind.GetType().Name} and {map[key(kind)].GetType().Name} share the {what} {key(kind)}.");
            return map;
        }
    }
}
