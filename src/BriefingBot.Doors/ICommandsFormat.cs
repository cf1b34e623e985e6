namespace BriefingBot.Doors;

/// <summary>The command catalogue as a door registers it with its platform, for <c>commands --format &lt;name&gt;</c>.</summary>
public interface ICommandsFormat
{
    string Name { get; }

    string Write();
}
