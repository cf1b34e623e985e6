namespace BriefingBot.Knowledge;

/// <summary>
/// One who speaks for a state or organisation: a person or organisation holding a role for it (<see cref="For"/> is the
/// state itself), or for one of the organisations that do (the Kremlin's press secretary speaks for Russia through the Kremlin).
/// </summary>
public sealed record Representative(long Id, long For);

/// <summary>
/// Who speaks for a state or organisation, through the organisations that speak for it: the Kremlin holds a role for Russia,
/// and Peskov one for the Kremlin, so what either said counts as Russia's.
/// </summary>
public sealed partial class FactQueries
{
    // Russia, its presidential administration, that office's press service, its spokesman: deeper than that is a mistake
    // in the roles (a loop is already cut by the set of those met).
    private const int RepresentedLevels = 4;

    /// <summary>
    /// Those who speak for a state or organisation in <paramref name="view"/>, directly or through an organisation that does,
    /// each once, the direct ones first: now, the roles held now; in a past view, the roles known by its as-of day, in effect
    /// on its day and held that day (<see cref="RepresentativesAt"/>), at every step, so a role recorded later never counts.
    /// </summary>
    /// <param name="mayBeRepresented">Whether a holder may have holders of its own (an organisation; a person never has):
    /// only those are looked up at the next level, so a state spoken for by people alone costs one look.</param>
    public IReadOnlyList<Representative> RepresentativesThroughAt(long representedId, TimeView view, Func<long, bool> mayBeRepresented)
    {
        var found = new List<Representative>();
        var met = new HashSet<long> { representedId };
        IReadOnlyCollection<long> level = [representedId];
        for (var depth = 0; depth < RepresentedLevels && level.Count > 0; depth++)
        {
            var next = new List<long>();
            foreach (var (holder, of) in HoldersAt(level, view))
                if (met.Add(holder))
                {
                    found.Add(new Representative(holder, of));
                    if (mayBeRepresented(holder)) next.Add(holder);
                }
            level = next;
        }
        return found;
    }

    // The holders of the roles by which any of `represented` is represented in the view, with whom each represents; one
    // statement per level.
    private List<(long Holder, long Of)> HoldersAt(IReadOnlyCollection<long> represented, TimeView view)
    {
        var ids = RevisionRows.Ids(represented);
        // Now, the two columns of the held roles (one indexed look), in the order the people were added, as before.
        if (view.IsNow)
        {
            using var connection = database.Open();
            // One state, the usual question, is a plain look at the partial index; several a list read through json_each.
            var command = connection.Statement(represented.Count == 1
                ? "SELECT person_id, represents_id FROM current_facts WHERE represents_id = $org AND live = 1 ORDER BY person_id"
                : "SELECT person_id, represents_id FROM current_facts WHERE represents_id IN (SELECT value FROM json_each($orgs)) AND live = 1 ORDER BY person_id");
            if (represented.Count == 1) command.Parameters.AddWithValue("$org", represented.First());
            else command.Parameters.AddWithValue("$orgs", ids);
            var held = new List<(long, long)>();
            using var reader = command.ExecuteReader();
            while (reader.Read()) held.Add((reader.GetInt64(0), reader.GetInt64(1)));
            return held;
        }
        var day = view.AskedDay!.Value;
        return LatestAt(RolesEverOfAny, view, ("$orgs", ids))
            .Select(v => (RoleData)v.Data)
            .Where(r => represented.Contains(r.RepresentsId) && r.HeldOn(day))
            .OrderBy(r => r.Since?.Start).Select(r => (r.PersonId, r.RepresentsId)).ToList();
    }

    private const string RolesEverOfAny = """
        SELECT DISTINCT r.fact_id AS id FROM facts f JOIN revisions r ON r.fact_id = f.id
        WHERE f.kind = 'role' AND json_extract(r.payload, '$.representsId') IN (SELECT value FROM json_each($orgs))
        """;
}
