namespace BriefingBot.Knowledge;

/// <summary>
/// The kind-specific columns of <c>current_facts</c> that lists filter on; a kind fills those it has and leaves the rest null.
/// <see cref="Place"/>, where it happened as written, goes to <c>current_places</c> (see <see cref="PlaceKeys"/>).
/// </summary>
public sealed record FactColumns(string? ContactKind = null, long? DonorId = null, long? RecipientId = null, string? Category = null,
    string? Title = null, long? PersonId = null, long? RepresentsId = null, string? Place = null, string? Stance = null)
{
    public static readonly FactColumns None = new();

    /// <summary>
    /// What a place is found by: every run of its words, folded ("Oval Office, Washington" gives "oval office washington",
    /// "oval office", "office washington", "washington" and the single words), so place:Washington is one index lookup
    /// that lists newest first. Long places count their first <see cref="PlaceWords"/> words.
    /// </summary>
    public static IEnumerable<string> PlaceKeys(string? place)
    {
        var words = PlaceKey(place ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(PlaceWords).ToArray();
        for (var from = 0; from < words.Length; from++)
            for (var to = from + 1; to <= words.Length; to++)
                yield return string.Join(' ', words[from..to]);
    }

    /// <summary>How many words of a place are indexed: runs of them grow as the square, and places are short.</summary>
    public const int PlaceWords = 8;

    /// <summary>A place as it is compared: case, accents and punctuation between words ignored.</summary>
    public static string PlaceKey(string place) => Spelling.Fold(string.Join(' ', place.Split([',', ';', '(', ')', '/'])));
}
