namespace BriefingBot.Knowledge;

/// <summary>A change the knowledge refuses, with a message fit to show the person who asked for it.</summary>
public sealed class KnowledgeException(string message) : Exception(message);
