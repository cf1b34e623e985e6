using BriefingBot.Replies;

namespace BriefingBot.Doors;

/// <summary>A reply written exactly as a door would send it, for <c>ask --format &lt;name&gt;</c>; every door adds its own.</summary>
public interface IAnswerFormat
{
    /// <summary>The value of <c>--format</c>: the door's platform, or <c>text</c> and <c>json</c> for the terminal.</summary>
    string Name { get; }

    string Write(Reply reply);
}
