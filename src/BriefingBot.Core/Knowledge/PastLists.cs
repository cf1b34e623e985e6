using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// The lists a contact or statement has ever been in (table <c>past_lists</c>, migration 0011), so a past view finds a fact
/// by what it was then, not by today's lists: one named "contact by 12" holds every contact person 12 ever took part in.
/// Proposals and aid streams are listed too (migration 0012): "proposal" and "aid" hold each by the day each of its versions
/// took effect (an aid status by its since), so those standing on a day are a short walk down one list, not down every
/// revision of every kind. Every kind of fact is also listed by the outlets each version cited (migration 0014), so
/// "/search source:TASS as_of:…" finds what TASS was cited for then, even if a source was added or removed since.
/// </summary>
internal static class PastLists
{
    public static string All(FactKind kind) => kind.Word;

    public static string By(FactKind kind, long actorId) => $"{kind.Word} by {actorId.ToString(CultureInfo.InvariantCulture)}";

    public static string At(FactKind kind, string placeKey) => $"{kind.Word} at {placeKey}";

    public static string About(FactKind kind, long factId) => $"{kind.Word} about {factId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every fact of any kind whose version cited an outlet found by <paramref name="outletKey"/> (an <see cref="OutletKeys.Key"/>).</summary>
    // '/' never occurs in a folded outlet key (FactColumns.PlaceKey splits there), so no outlet's name makes another list's.
    public static string Cites(string outletKey) => "cites/" + outletKey;

    /// <summary>Every fact of any kind whose version the outlet found by <paramref name="outletKey"/> alone confirmed (<see cref="OutletKeys.Alone"/>).</summary>
    public static string CitesAlone(string outletKey) => "cites alone/" + outletKey;

    /// <summary>Whether a kind's facts are listed this way: those found by who took part, where, or what they are about; proposals and aid.</summary>
    public static bool Keeps(FactKind kind) => kind.Word is "contact" or "statement" or "proposal" or "aid";

    /// <summary>The date a version sorts on in a past view (as <c>FactQueries.NewestFirst</c> orders it): its own, else when it took effect.</summary>
    public static DateOnly SortOn(FactData data, DateOnly effectiveOn) => data.Kind.EventDate(data) ?? effectiveOn;

    /// <summary>Adds the lists one version is in; a version dated after it was recorded or took effect is marked ahead.</summary>
    /// <remarks>The outlets it cites list every kind of fact (<see cref="Cites"/>), whatever <see cref="Keeps"/> says.</remarks>
    /// <param name="desk">Whose day the recording is on, as an as_of view counts it (UTC when null: a fill at upgrade).</param>
    public static void Remember(SqliteConnection connection, SqliteTransaction tx, long factId, FactData data, DateOnly effectiveOn, DateTimeOffset recordedAt,
        IReadOnlyList<CitedSource> sources, DeskZone? desk = null)
    {
        var kind = data.Kind;
        var sortOn = SortOn(data, effectiveOn);
        var known = (desk ?? DeskZone.Utc).DayOf(recordedAt);
        var ahead = sortOn > (effectiveOn < known ? effectiveOn : known);
        var lists = new List<string>();
        if (Keeps(kind))
        {
            lists.Add(All(kind));
            lists.AddRange(kind.Participants(data).Select(p => By(kind, p)));
            lists.AddRange(FactColumns.PlaceKeys(kind.Columns(data).Place).Select(p => At(kind, p)));
            lists.AddRange(kind.Links(data).Select(l => About(kind, l)));
        }
        lists.AddRange(sources.SelectMany(s => OutletKeys.Of(s.Source.Outlet)).Select(Cites));
        lists.AddRange(OutletKeys.Alone(sources).Select(CitesAlone));
        foreach (var list in lists.Distinct(StringComparer.Ordinal))
            connection.Execute("""
                INSERT INTO past_lists (list, sort_on, fact_id, ahead) VALUES (@list, @sortOn, @factId, @ahead)
                ON CONFLICT (list, sort_on, fact_id) DO UPDATE SET ahead = MAX(ahead, excluded.ahead)
                """, new { list, sortOn = StoredTime.Format(sortOn), factId, ahead = ahead ? 1 : 0 }, tx);
    }

    /// <summary>Fills the lists from every revision once, when a migration asked (0011, 0012, 0014); several processes may start together: the first does it.</summary>
    public static int FillIfAsked(KnowledgeDatabase database)
    {
        if (database.GetSetting(Key) is null) return 0;
        return database.Write((connection, tx) =>
        {
            if (connection.ExecuteScalar<string?>("SELECT value FROM settings WHERE key = @Key", new { Key }, tx) is not { } asked) return 0;
            // 0012 asks only for the kinds it added; 0011 for every kind kept; 0014 (or any together) for every revision,
            // as every kind of fact cites outlets.
            var revisions = RevisionRows.Query(connection, asked == "12" ? "WHERE f.kind IN ('proposal', 'aid') ORDER BY r.id" : "ORDER BY r.id", tx);
            foreach (var r in revisions)
                Remember(connection, tx, r.FactId, r.Data, r.Provenance.Effective?.Start ?? DateOnly.FromDateTime(r.RecordedAt.UtcDateTime), r.RecordedAt,
                    r.Provenance.Sources);
            connection.Execute("DELETE FROM settings WHERE key = @Key", new { Key }, tx);
            return revisions.Count;
        });
    }

    private const string Key = "past_lists_needed";
}
