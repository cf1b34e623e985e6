using System.Diagnostics;

namespace BriefingBot.Tests;

/// <summary>Runs the built program as a user would: <c>dotnet BriefingBot.dll …</c> in a folder of its own.</summary>
public sealed class BotProcess : IDisposable
{
    public BotProcess()
    {
        Folder = Path.Combine(Path.GetTempPath(), "briefingbot-host-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public sealed record Result(int ExitCode, string Out, string Err);

    public Task<Result> Run(string? input, IDictionary<string, string>? environment, params string[] args)
    {
        return Run(ProgramProcess.StartInfo(Folder, args, environment), input, environment, args);
    }

    /// <summary>Runs with standard input opened on <paramref name="path"/> by a shell, as <c>BriefingBot &lt; path</c> would.</summary>
    public Task<Result> RunWithInputFrom(string path, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh");
        foreach (var arg in (string[])["-c", "exec \"$@\" < \"$STDIN_PATH\"", "sh", "dotnet", Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll"), .. args])
            start.ArgumentList.Add(arg);
        start.Environment["STDIN_PATH"] = path;
        return Run(start, null, null, args);
    }

    private async Task<Result> Run(ProcessStartInfo start, string? input, IDictionary<string, string>? environment, string[] args)
    {
        start.WorkingDirectory = Folder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BRIEFINGBOT_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (start.RedirectStandardInput)
        {
            if (input is not null) await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"BriefingBot {string.Join(' ', args)} did not exit within 60 s. Output so far: {await stdout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public Task<Result> Run(params string[] args) => Run(null, null, args);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
