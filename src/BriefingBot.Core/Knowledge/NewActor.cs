namespace BriefingBot.Knowledge;

/// <summary>An actor a moderator named as new in an update ("+Mike Waltz"), to be added in the same transaction as the fact.</summary>
public sealed record NewActor(string Name, ActorKind Kind);
