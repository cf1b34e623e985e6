namespace BriefingBot.Knowledge;

/// <summary>
/// Who a person is: they represent a state or organisation in a role, since a date, until one if it ended. The holder
/// (<see cref="PersonId"/>, named so in stored payloads) may also be an organisation that speaks for a state: the Kremlin for Russia.
/// </summary>
public sealed record RoleData(
    long PersonId,
    long RepresentsId,
    string Role,
    EventDate? Since,
    EventDate? Until) : FactData
{
    /// <summary>Whether the role was held on <paramref name="day"/>: begun by then and not yet ended (it ends on its until day).</summary>
    public bool HeldOn(DateOnly day) => (Since is null || Since.Start <= day) && (Until is null || Until.Start > day);

    /// <summary>Whether the role had ended by <paramref name="day"/>: a minister replaced on 5 September no longer holds it that day.</summary>
    public bool EndedBy(DateOnly day) => Until is not null && Until.Start <= day;
}

/// <summary>
/// The home of roles (R3): "Marco Rubio represents the United States as Secretary of State since 21 January 2025".
/// A role that changes is a new revision of the same fact; a role that ended keeps its fact with an end date.
/// </summary>
public sealed class RoleFact : FactKind<RoleData>
{
    public override char Letter => 'R';
    public override string Word => "role";
    public override int BriefingOrder => 3;
    public override string BriefingHeading => "Who people are";

    protected override DateOnly? EventDate(RoleData r) => r.Since?.Start;
    protected override EventDate? Period(RoleData r) => r.Since;
    protected override RoleData WithoutPeriod(RoleData r) => r with { Since = null };

    protected override string SearchText(RoleData r, Func<IEnumerable<long>, string> actorWords) =>
        Join(actorWords([r.PersonId, r.RepresentsId]), r.Role, r.Until is null ? null : "former");

    protected override IEnumerable<long> ActorIds(RoleData r) => [r.PersonId, r.RepresentsId];

    // Only a role still held says whom someone represents now: /contacts of a state takes in its current people.
    protected override FactColumns Columns(RoleData r) => new(PersonId: r.PersonId, RepresentsId: r.Until is null ? r.RepresentsId : null);

    protected override string Describe(RoleData r, Func<long, string> name)
    {
        var since = r.Since is { } s ? $" since {s.Describe()}" : "";
        // The holder opens the line: "The Kremlin represents Russia".
        var holder = name(r.PersonId) is var n && n.StartsWith("the ", StringComparison.Ordinal) ? "The" + n[3..] : n;
        return r.Until is { } until
            ? $"{holder} represented {name(r.RepresentsId)} as {r.Role}{since} until {until.Describe()}"
            : $"{holder} represents {name(r.RepresentsId)} as {r.Role}{since}";
    }

    protected override string? Difference(RoleData before, RoleData after, Func<long, string> name) => TextChange.Join(
        TextChange.People([before.PersonId, before.RepresentsId], [after.PersonId, after.RepresentsId], name),
        TextChange.Value(before.Role, after.Role),
        TextChange.Value(before.Since?.Describe(), after.Since?.Describe(), "since"),
        before.Until is null && after.Until is { } ended ? $"ended {ended.Describe()}"
        : before.Until is not null && after.Until is null ? "held again"
        : TextChange.Value(before.Until?.Describe(), after.Until?.Describe(), "ended"));
}
