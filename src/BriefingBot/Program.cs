using System.CommandLine;
using BriefingBot;
using Microsoft.Extensions.Options;

try
{
    return await Verbs.Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync("BriefingBot cannot start: " + string.Join(" ", e.Failures));
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"BriefingBot stopped: {e.Message}");
    return 1;
}

/// <summary>
/// Kept internal: the Slack door brings in ASP.NET Core, whose source generator would otherwise make the top-level
/// Program public, clashing with the benchmark project's own Program.
/// </summary>
internal partial class Program;
