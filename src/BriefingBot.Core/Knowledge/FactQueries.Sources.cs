namespace BriefingBot.Knowledge;

/// <summary>Facts by the outlets they cite (<c>current_sources</c>, migration 13).</summary>
public sealed partial class FactQueries
{
    /// <summary>How far the count of withdrawn facts citing an outlet reads; beyond it the answer says "more than".</summary>
    public const int RetractedCountCap = 100;

    /// <summary>
    /// The live facts citing <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>), newest first, past the
    /// <paramref name="skip"/> newest: one walk down the outlet's index that stops at the page, whatever the outlet's size.
    /// With <paramref name="alone"/>, only those no other outlet confirms (<see cref="OutletKeys.Alone"/>).
    /// </summary>
    public Page<FactView> CitingOutlet(string outlet, int skip, int take, bool alone = false)
    {
        using var connection = database.Open();
        var command = connection.Statement($"""
            SELECT c.revision_id FROM {SourcesTable(alone)} s JOIN current_facts c ON c.fact_id = s.fact_id
            WHERE s.outlet = $outlet AND s.live = 1
            ORDER BY s.sort_on DESC, s.fact_id DESC LIMIT $limit OFFSET $skip
            """, ("$limit", take + 1), ("$skip", skip));
        command.Parameters.AddWithValue("$outlet", outlet);
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        return Load(connection, ids, take);
    }

    /// <summary>
    /// Outlets cited by fewer standing facts than this are searched by reading their facts' words; those cited more, by
    /// walking the words' matches newest first. Either way the walk is short: a rare outlet has few facts to read, and a
    /// common one soon turns up among the matches.
    /// </summary>
    public const int RareOutlet = 2000;

    /// <summary>
    /// The live facts containing every word and citing <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>),
    /// newest recorded first, past the <paramref name="skip"/> newest.
    /// </summary>
    public Page<FactView> SearchCiting(IReadOnlyList<string> words, string outlet, int skip, int take, bool alone = false) =>
        SearchCiting(words, outlet, skip, take, RareOutlet, alone);

    /// <summary><see cref="SearchCiting(IReadOnlyList{string}, string, int, int)"/> with the line between rare and common outlets moved, so tests try both walks.</summary>
    internal Page<FactView> SearchCiting(IReadOnlyList<string> words, string outlet, int skip, int take, int rareBelow, bool alone = false)
    {
        using var connection = database.Open();
        var count = connection.Statement($"SELECT COUNT(*) FROM (SELECT 1 FROM {SourcesTable(alone)} WHERE outlet = $outlet AND live = 1 LIMIT $cap)", ("$cap", rareBelow));
        count.Parameters.AddWithValue("$outlet", outlet);
        var rare = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) < rareBelow;
        var factIds = rare ? RareOutletHits(connection, words, outlet, skip + take + 1, alone) : CommonOutletHits(connection, words, outlet, skip + take + 1, alone);
        var shown = factIds.Skip(skip).Take(take).ToList();
        if (shown.Count == 0) return new Page<FactView>([], false);
        var order = shown.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = RevisionRows.Query(connection,
            "JOIN current_facts c ON c.revision_id = r.id WHERE c.fact_id IN (SELECT value FROM json_each($ids))", null,
            ("$ids", RevisionRows.Ids(shown)));
        return new Page<FactView>(rows.OrderBy(r => order[r.FactId]).Select(r => new FactView(r)).ToList(), factIds.Count > skip + take);
    }

    // The words' matches newest first, each checked against the outlet's rows (current_sources_fact).
    private static List<long> CommonOutletHits(LeasedConnection connection, IReadOnlyList<string> words, string outlet, int limit, bool alone)
    {
        var command = connection.Statement(
            $"SELECT rowid FROM fact_text WHERE fact_text MATCH $match AND {CitesOutlet("fact_text.rowid", live: true, alone)} ORDER BY rowid DESC LIMIT $limit", ("$limit", limit));
        command.Parameters.AddWithValue("$match", MatchAll(words));
        command.Parameters.AddWithValue("$outlet", outlet);
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    // The outlet's few facts newest first, their words read a batch at a time and matched as the full-text index would
    // (whole words, ignoring case and accents). Asking the index "does fact 5 match" once per fact re-reads the word's
    // whole list of matches every time: a rare outlet and a common word took a second that way.
    private static List<long> RareOutletHits(LeasedConnection connection, IReadOnlyList<string> words, string outlet, int limit, bool alone)
    {
        var wanted = words.Select(Spelling.Fold).ToList();
        // The outlet's facts newest recorded first, a batch at a time; SQLite sorts the few it has.
        var batch = $"""
            SELECT rowid, body FROM fact_text WHERE rowid IN (
                SELECT fact_id FROM {SourcesTable(alone)} WHERE outlet = $outlet AND live = 1 ORDER BY fact_id DESC LIMIT $size OFFSET $from)
            """;
        var hits = new List<long>();
        // A first batch of four times the hits wanted (a word in one fact in three fills it), then larger ones.
        for (int from = 0, size = Math.Max(32, 4 * limit); hits.Count < limit; from += size, size *= 2)
        {
            var bodies = connection.Statement(batch, ("$size", size), ("$from", from));
            bodies.Parameters.AddWithValue("$outlet", outlet);
            var read = 0;
            var matched = new List<long>();
            using (var reader = bodies.ExecuteReader())
                while (reader.Read())
                {
                    read++;
                    var text = Spelling.Fold(reader.GetString(1));
                    if (wanted.All(w => HasWord(text, w))) matched.Add(reader.GetInt64(0));
                }
            matched.Sort((a, b) => b.CompareTo(a));
            hits.AddRange(matched);
            if (read < size) break;
        }
        return hits;
    }

    // Whether folded text has the word whole, as the full-text index (unicode61) splits words: at runs of letters and digits.
    private static bool HasWord(string text, string word)
    {
        if (word.Length == 0) return false;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }

    /// <summary>How many retracted facts cited <paramref name="outlet"/> when withdrawn, counted up to one past <see cref="RetractedCountCap"/>.</summary>
    public int RetractedCiting(string outlet, bool alone = false)
    {
        using var connection = database.Open();
        var command = connection.Statement(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {SourcesTable(alone)} WHERE outlet = $outlet AND live = 0 LIMIT $cap)", ("$cap", RetractedCountCap + 1));
        command.Parameters.AddWithValue("$outlet", outlet);
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

    // A search hit that cites the outlet (alone): one lookup in current_sources_fact (current_alone_sources_fact) per hit.
    private static string CitesOutlet(string factId, bool live, bool alone = false) =>
        $"EXISTS (SELECT 1 FROM {SourcesTable(alone)} s WHERE s.fact_id = {factId} AND s.outlet = $outlet AND s.live = {(live ? 1 : 0)})";

    // Facts by every outlet they cite, or by the outlets that alone confirm them (migration 0014): the same keys and order.
    private static string SourcesTable(bool alone) => alone ? "current_alone_sources" : "current_sources";
}
