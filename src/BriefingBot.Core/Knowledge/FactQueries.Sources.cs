namespace BriefingBot.Knowledge;

/// <summary>Facts by the outlets they cite (<c>current_sources</c>, migration 13).</summary>
public sealed partial class FactQueries
{
    /// <summary>How far the count of withdrawn facts citing an outlet reads; beyond it the answer says "more than".</summary>
    public const int RetractedCountCap = 100;

    /// <summary>
    /// The live facts citing <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>), newest first, past the
    /// <paramref name="skip"/> newest: one walk down the outlet's index that stops at the page, whatever the outlet's size.
    /// </summary>
    public Page<FactView> CitingOutlet(string outlet, int skip, int take)
    {
        using var connection = database.Open();
        var command = connection.Statement("""
            SELECT c.revision_id FROM current_sources s JOIN current_facts c ON c.fact_id = s.fact_id
            WHERE s.outlet = $outlet AND s.live = 1
            ORDER BY s.sort_on DESC, s.fact_id DESC LIMIT $limit OFFSET $skip
            """);
        command.Parameters.AddWithValue("$outlet", outlet);
        command.Parameters.AddWithValue("$limit", take + 1);
        command.Parameters.AddWithValue("$skip", skip);
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        return Load(connection, ids, take);
    }

    /// <summary>How many retracted facts cited <paramref name="outlet"/> when withdrawn, counted up to one past <see cref="RetractedCountCap"/>.</summary>
    public int RetractedCiting(string outlet)
    {
        using var connection = database.Open();
        var command = connection.Statement(
            "SELECT COUNT(*) FROM (SELECT 1 FROM current_sources WHERE outlet = $outlet AND live = 0 LIMIT $cap)");
        command.Parameters.AddWithValue("$outlet", outlet);
        command.Parameters.AddWithValue("$cap", RetractedCountCap + 1);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether any fact, standing or retracted, cites <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>) now.</summary>
    public bool CitesOutletAtAll(string outlet)
    {
        using var connection = database.Open();
        var command = connection.Statement("SELECT EXISTS (SELECT 1 FROM current_sources WHERE outlet = $outlet)");
        command.Parameters.AddWithValue("$outlet", outlet);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Every outlet any revision has cited, as first written: what "did you mean …?" picks from.</summary>
    public IReadOnlyList<string> Outlets()
    {
        using var connection = database.Open();
        var command = connection.Statement("SELECT DISTINCT outlet FROM sources");
        var outlets = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) outlets.Add(reader.GetString(0));
        return outlets.DistinctBy(OutletKeys.Key, StringComparer.Ordinal).ToList();
    }

    // A search hit that cites the outlet: one lookup in current_sources_fact per hit.
    private static string CitesOutlet(string factId, bool live) =>
        $"EXISTS (SELECT 1 FROM current_sources s WHERE s.fact_id = {factId} AND s.outlet = $outlet AND s.live = {(live ? 1 : 0)})";
}
