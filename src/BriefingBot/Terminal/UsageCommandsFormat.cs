using BriefingBot.Commands;
using BriefingBot.Doors;

namespace BriefingBot.Terminal;

/// <summary>The catalogue as usage lines, one per command (<c>commands</c>, the default format).</summary>
public sealed class UsageCommandsFormat : ICommandsFormat
{
    public string Name => "text";

    public string Write() =>
        string.Concat(CommandCatalogue.Flatten().Select(p => p.Spec.Usage("/" + string.Join(' ', p.Path.Split(' ')[..^1].Append(""))).Replace("  ", " ") + "\n"));
}
