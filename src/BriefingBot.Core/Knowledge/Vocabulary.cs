namespace BriefingBot.Knowledge;

/// <summary>How sure we are of a fact.</summary>
public enum Confidence { Confirmed, Reported, Unconfirmed }

/// <summary>How precisely an event's date is known.</summary>
public enum DatePrecision { Day, Week, Month }

/// <summary>What kind of exchange a contact was.</summary>
public enum ContactKind { Call, Meeting, Summit, Letter, Statement }

/// <summary>What an aid stream carries.</summary>
public enum AidCategory { Military, Financial, Humanitarian, Intelligence }

/// <summary>Where an aid stream stands.</summary>
public enum AidStatus { Pledged, Active, Paused, Suspended, Resumed, Ended }

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus { Drafting, Proposed, UnderDiscussion, Agreed, Rejected, Withdrawn }

/// <summary>Where one term of a proposal stands.</summary>
public enum TermStatus { Proposed, Agreed, Disputed, Dropped }

/// <summary>What kind of person or body an actor is.</summary>
public enum ActorKind { Person, State, Organisation }

/// <summary>The words the store and the users use for the enums above, in one place.</summary>
public static class Vocabulary
{
    /// <summary>The stored and typed word for a value: <c>UnderDiscussion</c> becomes <c>under_discussion</c>.</summary>
    public static string Word<T>(T value) where T : struct, Enum => Words<T>.ByValue[value];

    /// <summary>The word as people read it: <c>under discussion</c>.</summary>
    public static string Phrase<T>(T value) where T : struct, Enum => Words<T>.PhraseByValue[value];

    public static IReadOnlyList<string> AllWords<T>() where T : struct, Enum => Words<T>.All;

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = text.Trim().Replace(' ', '_').Replace('-', '_');
        return Words<T>.ByWord.TryGetValue(key, out value);
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    /// <summary>The stored word of a kind of fact, which its home declares: <c>term</c>.</summary>
    public static string Word(FactKind kind) => kind.Word;

    private static class Words<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, ToWord);
        public static readonly Dictionary<string, T> ByWord =
            ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        public static readonly string[] All = ByValue.Values.ToArray();
        // Fact lines say these on every line: worked out once, not a new string each time.
        public static readonly Dictionary<T, string> PhraseByValue = ByValue.ToDictionary(p => p.Key, p => p.Value.Replace('_', ' '));

        private static string ToWord(T value)
        {
            var name = value.ToString();
            var chars = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i])) chars.Append('_');
                chars.Append(char.ToLowerInvariant(name[i]));
            }
            return chars.ToString();
        }
    }
}
