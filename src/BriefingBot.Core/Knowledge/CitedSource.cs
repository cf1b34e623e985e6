namespace BriefingBot.Knowledge;

/// <summary>Whether a cited source backs a fact or contradicts it.</summary>
public enum SourceStance { Confirms, Disputes }

/// <summary>One source a fact cites, and whether it confirms or disputes the fact.</summary>
public sealed record CitedSource(SourceRef Source, SourceStance Stance = SourceStance.Confirms);
