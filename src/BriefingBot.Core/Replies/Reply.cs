using BriefingBot.Knowledge;

namespace BriefingBot.Replies;

/// <summary>Who sees a reply: the whole channel, or only the person who asked.</summary>
public enum Visibility { Public, OnlyAsker }

/// <summary>What kind of reply this is; renderers may colour or mark them differently.</summary>
public enum ReplyTone { Answer, Confirmation, Error }

/// <summary>Where a fact line comes from: its id, its source, how sure we are, and whether it may be out of date.</summary>
public sealed record LineProvenance(FactCode Code, SourceRef Source, Confidence Confidence, DateTimeOffset RecordedAt, bool Stale)
{
    /// <summary>Every source the fact cites, <see cref="Source"/> first; null is the same as citing <see cref="Source"/> alone.</summary>
    public IReadOnlyList<CitedSource>? Sources { get; init; }
}

/// <summary>One line of a reply; a fact line carries its provenance.</summary>
public sealed record ReplyLine(string Text, LineProvenance? Provenance = null);

/// <summary>A group of lines under an optional heading, with a note of what was left out.</summary>
public sealed record ReplySection(string? Heading, IReadOnlyList<ReplyLine> Lines, string? More = null);

/// <summary>A file sent with a reply, such as a PNG picture.</summary>
public sealed record ReplyAttachment(string FileName, string ContentType, byte[] Content, string? Description = null);

/// <summary>A platform-neutral answer: handlers build it, each door's renderer lays it out.</summary>
public sealed record Reply(
    string Title,
    IReadOnlyList<ReplySection> Sections,
    string? Footer = null,
    Visibility Visibility = Visibility.Public,
    ReplyTone Tone = ReplyTone.Answer)
{
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    /// <summary>A polite one-line refusal or correction, shown only to the asker.</summary>
    public static Reply Error(string message) => new(message, [], null, Visibility.OnlyAsker, ReplyTone.Error);

    /// <summary>A moderator's change went through; shown only to them.</summary>
    public static Reply Confirmation(string title, params ReplySection[] sections) =>
        new(title, sections, null, Visibility.OnlyAsker, ReplyTone.Confirmation);
}
