using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>A command that passed validation: its spec, its options converted to their types, who asked and when.</summary>
public sealed class CommandRequest(Invocation invocation, CommandSpec spec, IReadOnlyDictionary<string, object> values, DateTimeOffset now)
{
    public Invocation Invocation { get; } = invocation;
    public CommandSpec Spec { get; } = spec;
    public Caller Caller => Invocation.Caller;
    public DateTimeOffset Now { get; } = now;

    public bool Has(string name) => values.ContainsKey(name);
    public string? Text(string name) => Get<string>(name);
    public DateOnly? Date(string name) => values.TryGetValue(name, out var v) ? (DateOnly)v : null;
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
    public Provenance Provenance() => new(
        new SourceRef(Text("source")!, Text("source_url"), Date("source_date")),
        Choice<Confidence>("confidence") ?? Confidence.Reported);

    private T? Get<T>(string name) where T : class => values.TryGetValue(name, out var v) ? (T)v : null;
}

/// <summary>Answers one command path; the router has already checked its options and who is asking.</summary>
public interface ICommandHandler
{
    /// <summary>The command path it answers, such as <c>terms</c> or <c>update term</c>.</summary>
    string Path { get; }

    ValueTask<Replies.Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
