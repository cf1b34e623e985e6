namespace BriefingBot.Knowledge;

/// <summary>
/// Roles in a past view (<see cref="TimeView"/>): who someone was on a day, and who represented a state or organisation
/// then, as known by the as-of day. A role counts if it was begun by the day and not yet ended (<see cref="RoleData.HeldOn"/>).
/// </summary>
public sealed partial class FactQueries
{
    /// <summary>
    /// A person's roles in <paramref name="view"/> (as known by its as-of day, in effect on its day), the latest begun first,
    /// held or not that day; now, their roles as <see cref="Roles"/> reads them.
    /// </summary>
    public IReadOnlyList<FactView> RolesAt(long personId, TimeView view) =>
        view.IsNow ? Roles(personId)
            // Only roles that ever named this person are read as the view sees them: a role may have named someone else then.
            : LatestAt(RolesEverBy, view, ("$person", personId))
                .Where(v => v.Data is RoleData r && r.PersonId == personId)
                .OrderByDescending(v => v.Data.Kind.EventDate(v.Data)).ThenByDescending(v => v.Current.FactId).ToList();

    /// <summary>
    /// The roles by which people represented a state or organisation in <paramref name="view"/>: as known by its as-of day, in
    /// effect on its day and held that day, the earliest begun first; now, the roles held now.
    /// </summary>
    public IReadOnlyList<FactView> RepresentativesAt(long representedId, TimeView view)
    {
        if (view.IsNow) return Representatives(representedId);
        var day = view.AskedDay!.Value;
        return LatestAt(RolesEverOf, view, ("$org", representedId))
            .Where(v => v.Data is RoleData r && r.RepresentsId == representedId && r.HeldOn(day))
            .OrderBy(v => ((RoleData)v.Data).Since?.Start).ThenBy(v => v.Current.FactId).ToList();
    }

    private const string RolesEverBy = """
        SELECT DISTINCT r.fact_id AS id FROM facts f JOIN revisions r ON r.fact_id = f.id
        WHERE f.kind = 'role' AND json_extract(r.payload, '$.personId') = $person
        """;
}
