namespace BriefingBot.TestSupport;

/// <summary>
/// The protocol files kept in the repository (<c>tests/protocol/</c>): trimmed OpenAPI specs and Discord's examples.
/// Found from the test assembly by walking up to the folder holding BriefingBot.sln, and never looked for beyond it,
/// so a clone anywhere tests against its own copies and nothing outside the repository is ever read.
/// </summary>
public static class ProtocolFiles
{
    private static readonly Lazy<string> Located = new(Find);

    public static string Folder => Located.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "BriefingBot.sln"))) continue;
            var protocol = System.IO.Path.Combine(dir.FullName, "tests", "protocol");
            return Directory.Exists(protocol)
                ? protocol
                : throw new DirectoryNotFoundException($"The repository at {dir.FullName} has no tests/protocol/; the door tests need it.");
        }
        throw new DirectoryNotFoundException($"No folder holding BriefingBot.sln above {AppContext.BaseDirectory}; the protocol files are found from the repository root.");
    }
}
