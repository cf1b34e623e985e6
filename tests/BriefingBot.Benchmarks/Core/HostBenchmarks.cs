using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// The host as users start it, on the 100,000-fact store: from process start to the first answer on standard output
/// (target under 1 s), and the peak resident memory of a chat answering 300 commands (target under 100 MB; printed
/// by the cleanup as "// Peak resident memory").
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 10, invocationCount: 1, id: "process")]
public class HostBenchmarks
{
    private string _store = null!;
    private long _peakKb;

    [GlobalSetup]
    public void Setup() => _store = GeneratedStore.Ensure();

    [Benchmark]
    public string StartAndAnswer()
    {
        using var process = Start("ask", "/terms");
        var first = process.StandardOutput.ReadLine();
        process.WaitForExit();
        return first ?? throw new InvalidOperationException("no answer");
    }

    [Benchmark]
    public int ChatOf300Commands()
    {
        using var process = Start();
        string[] commands = ["/terms", "/contacts person:\"Anna Adler 0\"", "/aid donor:\"State 4\"", "/search ceasefire", "/briefing", "/changes since:2025-01-01"];
        for (var i = 0; i < 300; i++) process.StandardInput.WriteLine(commands[i % commands.Length]);
        process.StandardInput.WriteLine("/help");
        process.StandardInput.Flush();
        // /help comes last, so once its answer arrives all 300 commands have been answered: sample memory then.
        var answers = 0;
        while (process.StandardOutput.ReadLine() is { } line && line != "What I can do")
            if (line.StartsWith("Search:", StringComparison.Ordinal)) answers++;
        _peakKb = Math.Max(_peakKb, PeakKb(process.Id));
        process.StandardInput.Close();
        // Drain what is left so the chat never blocks writing to a full pipe while we wait for it to exit.
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return answers * commands.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_peakKb > 0) Console.WriteLine($"// Peak resident memory (VmHWM) of the chat host: {_peakKb / 1024.0:F1} MB");
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(_store);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static long PeakKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return 0;
    }
}
