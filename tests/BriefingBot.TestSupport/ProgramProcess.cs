using System.Diagnostics;

namespace BriefingBot.TestSupport;

/// <summary>
/// How the tests start the built program as an operator does: <c>dotnet BriefingBot.dll …</c> in a folder of its own,
/// every stream redirected, and only the <c>BRIEFINGBOT_</c> settings the test gives (none leak in from the machine).
/// </summary>
public static class ProgramProcess
{
    public static ProcessStartInfo StartInfo(string folder, IEnumerable<string> args, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BRIEFINGBOT_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        return start;
    }
}
