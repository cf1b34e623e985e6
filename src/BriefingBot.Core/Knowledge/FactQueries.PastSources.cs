namespace BriefingBot.Knowledge;

/// <summary>
/// Facts by the outlets they cited in a past view (<see cref="TimeView"/>): found through the outlet's past lists
/// (<see cref="PastLists.Cites"/>, every version that ever cited it), read as the view sees them, and kept only if that
/// version cites it (alone). So a source added after the as-of day does not count, and one removed since still does.
/// </summary>
public sealed partial class FactQueries
{
    /// <summary>
    /// The facts standing in <paramref name="view"/> that cited <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>)
    /// then, newest first as the other past lists are (by their own date, else when they took effect); with
    /// <paramref name="alone"/>, only those no other outlet confirmed then.
    /// </summary>
    public Page<FactView> CitingOutletAt(string outlet, int limit, TimeView view, bool alone = false)
    {
        if (view.IsNow) return CitingOutlet(outlet, 0, limit, alone);
        return PastList([alone ? PastLists.CitesAlone(outlet) : PastLists.Cites(outlet)], null, null, limit, view, f =>
            alone ? OutletKeys.IsAlone(f.Current.Provenance.Sources, outlet)
                  : f.Current.Provenance.Sources.Any(s => OutletKeys.Matches(s.Source, outlet)));
    }

    /// <summary>Whether any version of any fact, standing or retracted, has ever cited <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>).</summary>
    public bool CitedOutletEver(string outlet)
    {
        using var connection = database.Open();
        var command = connection.Statement("SELECT EXISTS (SELECT 1 FROM past_lists WHERE list = $list)");
        command.Parameters.AddWithValue("$list", PastLists.Cites(outlet));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }
}
