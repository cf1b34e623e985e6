using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace BriefingBot.Tests;

/// <summary>
/// The terminal chat as a long-running process, fed one command at a time through a pipe, as a bot that keeps serving
/// while other processes write to its database. Each answer ends where the chat answers a sentinel command sent after
/// it: the chat answers in order, so everything before the sentinel's answer belongs to the command.
/// </summary>
public sealed class ChatSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _err = new();
    private int _asked;

    public ChatSession(string folder, IDictionary<string, string> environment, params string[] args)
    {
        _process = Process.Start(ProgramProcess.StartInfo(folder, args, environment))!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _lines.Writer.TryComplete();
            else _lines.Writer.TryWrite(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_err) _err.AppendLine(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Sends one command and returns everything the chat answered to it.</summary>
    public async Task<string> Ask(string command)
    {
        var sentinel = "/endofanswer" + new string('x', ++_asked);
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.WriteLineAsync(sentinel);
        await _process.StandardInput.FlushAsync();
        var answer = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                if (line.Contains(sentinel, StringComparison.Ordinal)) return answer.ToString();
                answer.AppendLine(line);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"The chat did not answer “{command}”. So far: {answer}\nErrors: {Errors}", e);
        }
    }

    public string Errors
    {
        get { lock (_err) return _err.ToString(); }
    }

    /// <summary>Ends the chat as a user does (end of input) and returns its exit code.</summary>
    public async Task<int> Quit()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await Quit(); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}
