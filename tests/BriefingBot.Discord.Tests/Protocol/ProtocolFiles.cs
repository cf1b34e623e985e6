namespace BriefingBot.Discord.Tests.Protocol;

/// <summary>The shared protocol folder beside the repository (<c>../shared/protocol</c>): the OpenAPI spec and examples.</summary>
public static class ProtocolFiles
{
    public static string Folder { get; } = Find();

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "BriefingBot.sln"))) continue;
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "protocol"));
            if (Directory.Exists(shared)) return shared;
        }
        throw new DirectoryNotFoundException("Could not find ../shared/protocol beside the repository; the Discord protocol tests need it.");
    }
}
