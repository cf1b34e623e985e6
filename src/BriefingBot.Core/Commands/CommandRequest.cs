using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>A command that passed validation: its spec, its options converted to their types, who asked and when.</summary>
public sealed class CommandRequest(Invocation invocation, CommandSpec spec, IReadOnlyDictionary<string, object> values, DateTimeOffset now,
    DeskZone? desk = null)
{
    public Invocation Invocation { get; } = invocation;
    public CommandSpec Spec { get; } = spec;
    public Caller Caller => Invocation.Caller;
    public DateTimeOffset Now { get; } = now;
    /// <summary>The desk's zone: the days typed options name, and the day "today" is.</summary>
    public DeskZone Desk { get; } = desk ?? DeskZone.Utc;
    /// <summary>The desk's day now.</summary>
    public DateOnly Today => Desk.DayOf(Now);

    public bool Has(string name) => values.ContainsKey(name);
    public string? Text(string name) => Get<string>(name);
    /// <summary>The first day of a date option (a week's Monday, a range's first day).</summary>
    public DateOnly? Date(string name) => Period(name)?.Start;
    /// <summary>A date option as typed, with its precision: a day, week, month or range of days.</summary>
    public EventDate? Period(string name) => values.TryGetValue(name, out var v) ? (EventDate)v : null;
    /// <summary>A date option as an event's date: <paramref name="precision"/> when given overrides the precision typed
    /// ("2025-03-12" with precision:week is that week), else the date keeps what was typed (a week, a month, a range).</summary>
    public EventDate? When(string name, DatePrecision? precision) =>
        Period(name) is not { } typed ? null : precision is { } p ? EventDate.Normalised(typed.Start, p) : typed;
    /// <summary>Which past the member asked about: <c>as_of</c> (what we knew then), <c>on</c> (what held then), both, or now.</summary>
    public TimeView View() => new(Period("as_of"), Period("on")) { Desk = Desk };
    public bool? Flag(string name) => values.TryGetValue(name, out var v) ? (bool)v : null;
    public long? Number(string name) => values.TryGetValue(name, out var v) ? (long)v : null;
    public Actor? Actor(string name) => Get<Actor>(name);
    public IReadOnlyList<Actor>? Actors(string name) => Get<IReadOnlyList<Actor>>(name);
    /// <summary>The actors of an option that may name new ones; null when the option was left out.</summary>
    public ActorPicks? Picks(string name) => Get<ActorPicks>(name);
    public FactView? Proposal(string name) => Get<FactView>(name);
    public TimeZoneInfo? TimeZone(string name) => Get<TimeZoneInfo>(name);
    public FactCode? Fact(string name) => values.TryGetValue(name, out var v) ? (FactCode)v : null;

    public T? Choice<T>(string name) where T : struct, Enum =>
        values.TryGetValue(name, out var v) ? Vocabulary.Parse<T>((string)v) : null;

    /// <summary>The source and confidence every fact-stating update carries.</summary>
    /// <summary>The source and confidence every fact-stating update carries, and when the fact took effect if the moderator said.</summary>
    public Provenance Provenance() => new(
        new SourceRef(Text("source")!, Text("source_url"), Date("source_date")),
        Choice<Confidence>("confidence") ?? Confidence.Reported)
    { Effective = Period("effective") };

    private T? Get<T>(string name) where T : class => values.TryGetValue(name, out var v) ? (T)v : null;
}

/// <summary>Answers one command path; the router has already checked its options and who is asking.</summary>
public interface ICommandHandler
{
    /// <summary>The command path it answers, such as <c>terms</c> or <c>update term</c>.</summary>
    string Path { get; }

    ValueTask<Replies.Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
