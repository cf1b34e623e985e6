namespace BriefingBot.Replies;

/// <summary>
/// The citation under a fact line in its pieces, "Reuters and AFP, latest 18 March 2025 (3 days ago) · reported · disputed by
/// TASS · possibly out of date": <see cref="Phrases.Provenance"/> joins them, and a renderer that writes a long reply can copy
/// them into its text without making each citation a string first (a busy briefing has some 130 of them).
/// </summary>
/// <param name="Outlets">The outlets that confirm it, the first whole (renderers find it at the start to link it).</param>
/// <param name="Latest">"latest " when the confirming sources are of several dates, else empty.</param>
/// <param name="Disputed">The outlets that dispute it, or null.</param>
public readonly record struct Citation(string Outlets, string Latest, string Date, string Ago, string Confidence, string? Disputed, bool Stale)
{
    private const string Dot = " · ";
    private const string DisputedBy = " · disputed by ";
    private const string OutOfDate = " · possibly out of date";

    /// <summary>How many characters the citation has.</summary>
    public int Length => Outlets.Length + 2 + Latest.Length + Date.Length + 2 + Ago.Length + 1 + Dot.Length + Confidence.Length
                         + (Disputed is null ? 0 : DisputedBy.Length + Disputed.Length) + (Stale ? OutOfDate.Length : 0);

    /// <summary>Writes the citation at the start of <paramref name="span"/>, which holds at least <see cref="Length"/> characters.</summary>
    public void CopyTo(Span<char> span)
    {
        var at = 0;
        Put(span, ref at, Outlets);
        Put(span, ref at, ", ");
        Put(span, ref at, Latest);
        Put(span, ref at, Date);
        Put(span, ref at, " (");
        Put(span, ref at, Ago);
        Put(span, ref at, ")");
        Put(span, ref at, Dot);
        Put(span, ref at, Confidence);
        if (Disputed is not null)
        {
            Put(span, ref at, DisputedBy);
            Put(span, ref at, Disputed);
        }
        if (Stale) Put(span, ref at, OutOfDate);
    }

    public override string ToString() => string.Create(Length, this, static (span, citation) => citation.CopyTo(span));

    private static void Put(Span<char> span, ref int at, string text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }
}
