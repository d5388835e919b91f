using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SiteGen.Deploy;

/// <summary>What one git command printed and returned.</summary>
public sealed record GitOutput(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Git's own explanation, for a diagnostic: the last lines of stderr (or stdout).</summary>
    public string Explanation
    {
        get
        {
            var text = (Stderr.Length > 0 ? Stderr : Stdout).Trim();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length == 0 ? $"git exited with {ExitCode}" : string.Join(" ", lines.TakeLast(3));
        }
    }
}

/// <summary>Thrown when no <c>git</c> command can be started.</summary>
public sealed class GitNotFoundException(string message) : Exception(message);

/// <summary>
/// Runs the <c>git</c> command line with arguments passed as a list (no shell) and an environment cleaned
/// of the variables that point git at some other repository or index (a deploy started from a git hook
/// inherits GIT_DIR and GIT_INDEX_FILE); credentials helpers, SSH settings and the user's identity still apply.
/// </summary>
public sealed class GitRunner(IReadOnlyDictionary<string, string?>? environment = null)
{
    private static readonly string[] Redirecting =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_QUARANTINE_PATH",
    ];

    public GitOutput Execute(string? workingDirectory, IReadOnlyDictionary<string, string?>? extra, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Redirecting)
        {
            start.Environment.Remove(name);
        }

        // English messages, whatever the user's locale: they end up in SiteGen's diagnostics.
        start.Environment.Remove("LC_ALL");
        start.Environment["LC_MESSAGES"] = "C";
        foreach (var (name, value) in (environment ?? new Dictionary<string, string?>()).Concat(extra ?? new Dictionary<string, string?>()))
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitNotFoundException("git could not be started");
        }
        catch (Win32Exception e)
        {
            throw new GitNotFoundException($"git could not be started ({e.Message})");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var writer = process.StandardInput)
            {
                if (input is not null)
                {
                    writer.Write(input);
                }
            }

            process.WaitForExit();
            return new GitOutput(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    public GitOutput Run(string? workingDirectory, params string[] args) => Execute(workingDirectory, null, null, args);
}
