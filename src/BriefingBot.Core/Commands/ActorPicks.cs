using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>
/// The actors named in an option that may name new ones ("Marco Rubio, +Mike Waltz"): each is known, or marked new
/// with <c>+</c> and added in the same transaction as the fact that names it.
/// </summary>
public sealed record ActorPicks(IReadOnlyList<ActorPick> Items)
{
    /// <summary>The names to add, once each.</summary>
    public IReadOnlyList<NewActor> New => Items.Where(i => i.Known is null).Select(i => new NewActor(i.Name, i.Kind)).DistinctBy(n => n.Name.ToLowerInvariant()).ToList();

    /// <summary>Every pick's id, in the order named, given the ids the new ones were added under.</summary>
    public IReadOnlyList<long> Ids(Func<string, long> newId) => Items.Select(i => i.Known?.Id ?? newId(i.Name)).Distinct().ToList();
}

/// <summary>One name in <see cref="ActorPicks"/>: a known actor, or a new one with the kind it will be added as.</summary>
public sealed record ActorPick(string Name, Actor? Known, ActorKind Kind);
