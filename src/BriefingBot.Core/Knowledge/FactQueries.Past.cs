namespace BriefingBot.Knowledge;

/// <summary>
/// Contacts and statements in a past view (<see cref="TimeView"/>), selected by what each was then: found through every list
/// it has ever been in (<see cref="PastLists"/>), read as the view sees it, and kept only if that version matches the filter.
/// So "/contacts person:X as_of:D" lists X's contacts as recorded by D even if one was retracted or lost X since, and not
/// one X joined only later.
/// </summary>
public sealed partial class FactQueries
{
    /// <summary>Contacts in <paramref name="view"/>, newest first: those recorded by the as-of day and in effect on the day asked.</summary>
    /// <remarks>A planned contact dated after the day is listed when it was known (or announced) by then, as today's list shows
    /// planned contacts: what we knew on a day includes what was planned.</remarks>
    public Page<FactView> ContactsAt(ContactFilter filter, int limit, TimeView view)
    {
        if (view.IsNow) return Contacts(filter, limit);
        var kind = FactKind.Contact;
        var people = People(filter.PersonId, filter.AlsoPeopleIds);
        var placeKey = filter.Place is { } place ? FactColumns.PlaceKey(place) : null;
        IReadOnlyList<string> lists = people.Count > 0 ? people.Select(p => PastLists.By(kind, p)).ToList()
            : placeKey is not null ? [PastLists.At(kind, placeKey)]
            : [PastLists.All(kind)];
        return PastList(lists, filter.WithId is { } w ? PastLists.By(kind, w) : null, filter.Since, limit, view, f =>
            f.Data is ContactData d
            && (people.Count == 0 || d.ParticipantIds.Any(people.Contains))
            && (filter.WithId is not { } with || d.ParticipantIds.Contains(with))
            && (filter.Kind is not { } k || d.Type == k)
            && (placeKey is null || FactColumns.PlaceKeys(d.Place).Contains(placeKey, StringComparer.Ordinal)));
    }

    /// <summary>Statements in <paramref name="view"/>, newest first; about a proposal includes its terms as they stood in the view.</summary>
    public Page<FactView> StatementsAt(StatementFilter filter, int limit, TimeView view)
    {
        if (view.IsNow) return Statements(filter, limit);
        var kind = FactKinds.Get<StatementFact>();
        var people = People(filter.PersonId, filter.AlsoPeopleIds);
        // A term belongs to the proposal if it did in the view; every term it ever had is walked, as one may have moved since.
        HashSet<long>? targets = filter.AboutId is { } a ? [a, .. TermsAt(a, view).Select(t => t.Current.FactId)] : null;
        IReadOnlyList<string> lists = filter.AboutId is { } p ? targets!.Concat(TermsEver(p)).Distinct().Select(t => PastLists.About(kind, t)).ToList()
            : people.Count > 0 ? people.Select(p => PastLists.By(kind, p)).ToList()
            : [PastLists.All(kind)];
        return PastList(lists, null, filter.Since, limit, view, f =>
            f.Data is StatementData s
            && (people.Count == 0 || s.SpeakerIds.Any(people.Contains))
            && (targets is null || (s.About ?? []).Any(targets.Contains))
            && (filter.Stance is not { } st || s.Stance == st), shortLists: filter.AboutId is not null);
    }

    private static HashSet<long> People(long? person, IReadOnlyList<long>? also) =>
        person is { } one ? [one, .. also ?? []] : [];

    // Every term that has ever belonged to a proposal, so a statement about one that has moved since is still a candidate.
    private List<long> TermsEver(long proposalId)
    {
        using var connection = database.Open();
        return FactIds(connection, "SELECT fact_id FROM fact_parents WHERE parent_id = $parent", ("$parent", proposalId));
    }

    // Walks each list newest first from the view's last day (facts are dated before they are recorded, so little is skipped),
    // plus the few versions dated ahead (planned contacts), reads each fact as the view sees it and keeps those that match.
    // A fact is only sure of its place once every list has been walked past its date; if fewer than asked are sure, the
    // walk goes four times further. A fact not yet recorded by the as-of day is walked past and left out by its times in
    // memory (RevisionTimes), not by a lookup per row.
    // Many short lists (a proposal's statements are those about it and about each term it ever had, thirty-five lists for
    // one of the benchmark's proposals) are walked as one: a statement per list cost more than reading all of them at once.
    private Page<FactView> PastList(IReadOnlyList<string> lists, string? with, DateOnly? since, int limit, TimeView view, Func<FactView, bool> keep,
        bool shortLists = false)
    {
        var last = view.Day is { } day && (view.AsOf is null || day < view.AsOf.Last) ? day : view.AsOf!.Last;
        var withTest = with is null ? "" : " AND EXISTS (SELECT 1 FROM past_lists w WHERE w.fact_id = k.fact_id AND w.list = $with)";
        var args = new List<(string, object?)>
        {
            ("$day", StoredTime.Format(last)), ("$since", since is { } s ? StoredTime.Format(s) : ""), ("$knownBy", view.KnownByText),
            ("$effectiveBy", view.DayText), ("$with", with),
        };
        using var connection = database.Open();
        for (var walk = limit + 5; ; walk *= 4)
        {
            var ids = new HashSet<long>();
            (DateOnly Day, long FactId)? boundary = null;
            var walks = shortLists ? [RevisionRows.Json(lists.Distinct(StringComparer.Ordinal))] : lists.Distinct(StringComparer.Ordinal).ToList();
            var inList = shortLists ? "k.list IN (SELECT value FROM json_each($list))" : "k.list = $list";
            foreach (var list in walks)
            {
                var command = connection.Statement($"""
                    SELECT k.sort_on, k.fact_id FROM past_lists k
                    WHERE {inList} AND k.sort_on <= $day AND k.sort_on >= $since{withTest}
                    ORDER BY k.sort_on DESC, k.fact_id DESC LIMIT $walk
                    """, ("$walk", walk));
                foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                command.Parameters.AddWithValue("$list", list);
                var rows = 0;
                (DateOnly, long) lastRow = default;
                using (var reader = command.ExecuteReader())
                    while (reader.Read())
                    {
                        lastRow = (StoredTime.ParseDate(reader.GetString(0))!.Value, reader.GetInt64(1));
                        ids.Add(lastRow.Item2);
                        rows++;
                    }
                if (rows == walk && (boundary is null || lastRow.CompareTo(boundary.Value) > 0)) boundary = lastRow;
                // Versions dated after the day that were recorded, and in effect, by then: planned contacts, read apart.
                ids.UnionWith(FactIds(connection, $"""
                    SELECT k.fact_id FROM past_lists k
                    WHERE {inList} AND k.ahead = 1 AND k.sort_on > $day AND k.sort_on >= $since{withTest}
                      AND EXISTS (SELECT 1 FROM revisions x WHERE x.fact_id = k.fact_id AND x.recorded_at <= $knownBy AND x.effective_on <= $effectiveBy)
                    """, [.. args, ("$list", list)]));
            }
            var facts = NewestFirst(VersionsOf(connection, ids, view.KnownBy, view.Day))
                .Where(f => (since is null || SortDay(f) >= since) && keep(f)).ToList();
            var sure = boundary is { } b ? facts.Where(f => (SortDay(f), f.Current.FactId).CompareTo(b) >= 0).ToList() : facts;
            if (boundary is null || sure.Count > limit) return new Page<FactView>(sure.Take(limit).ToList(), sure.Count > limit);
        }
    }

    // The date a fact sorts on in a past view, as NewestFirst orders it.
    private static DateOnly SortDay(FactView f) =>
        f.Data.Kind.EventDate(f.Data) ?? f.Current.Provenance.Effective?.Start ?? DateOnly.MinValue;
}
