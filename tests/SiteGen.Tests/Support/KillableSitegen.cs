using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>
/// A real <c>sitegen</c> process (the built SiteGen.dll run with <c>dotnet</c>) in a working folder, with its
/// stderr collected line by line, for tests that kill builds or run two at once.
/// </summary>
public sealed class KillableSitegen : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly SemaphoreSlim _lines = new(0);

    private KillableSitegen(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Received(_stderr, e.Data);
        _process.OutputDataReceived += (_, e) => Received(_stdout, e.Data);
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "SiteGen.dll");

    /// <summary>Starts <c>sitegen args…</c> in <paramref name="workingDir"/>; <paramref name="pauseAt"/> sets <c>SITEGEN_PAUSE_AT</c>.</summary>
    public static KillableSitegen Start(string workingDir, string? pauseAt, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("SITEGEN_PAUSE_AT");
        if (pauseAt is not null)
        {
            start.Environment["SITEGEN_PAUSE_AT"] = pauseAt;
        }

        return new KillableSitegen(new Process { StartInfo = start });
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr => string.Join("\n", _stderr);

    public string Stdout => string.Join("\n", _stdout);

    /// <summary>Waits until stderr has a line containing <paramref name="text"/>; false if the process ended first.</summary>
    public bool WaitForStderr(string text, TimeSpan safetyLimit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < safetyLimit)
        {
            if (_stderr.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                return _stderr.Any(l => l.Contains(text, StringComparison.Ordinal));
            }

            _lines.Wait(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }

    /// <summary>SIGKILL: no finally block, no cleanup, as with a power loss or `kill -9`.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the exit code; the limit only keeps a hung process from hanging the suite.</summary>
    public int WaitForExit(TimeSpan safetyLimit)
    {
        if (!_process.WaitForExit(safetyLimit))
        {
            Kill();
            throw new TimeoutException($"sitegen did not finish within {safetyLimit}; stderr:\n{Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    private void Received(ConcurrentQueue<string> queue, string? line)
    {
        if (line is not null)
        {
            queue.Enqueue(line);
            _lines.Release();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
