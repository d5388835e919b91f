using System.Diagnostics;
using System.Text;

namespace SiteGen.Tests.Cli;

/// <summary>
/// Runs the real <c>sitegen</c> (the SiteGen.dll built next to the tests) as a child process: what a user's
/// shell sees, with stdout a pipe, or a terminal through util-linux's <c>script</c>.
/// </summary>
public static class SiteGenProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "SiteGen.dll");

    /// <summary>Runs <c>dotnet SiteGen.dll ARGS</c> in <paramref name="workingDirectory"/> with stdout and stderr piped.</summary>
    public static CliOutput Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start("dotnet", [Dll, .. args], workingDirectory, environment, input: null);

    /// <summary>
    /// Runs the command under a pseudo-terminal (<c>script -qefc</c>), so stdin and stdout are a terminal;
    /// <paramref name="input"/> is typed into it. Returns everything the terminal showed (stdout and stderr).
    /// </summary>
    public static CliOutput RunInTerminal(string workingDirectory, string? input, params string[] args)
    {
        Assert.True(File.Exists("/usr/bin/script"), "/usr/bin/script not found: install util-linux's bsdutils ('bash .ci/install')");
        var command = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(Quote));
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "120", ["LINES"] = "40" };
        return Start("/usr/bin/script", ["-qefc", command, "/dev/null"], workingDirectory, environment, input);
    }

    private static CliOutput Start(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string? input)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            // Typed ahead: the terminal keeps it until the program reads its answer.
            process.StandardInput.Write(input);
            process.StandardInput.Flush();
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', start.ArgumentList)} did not finish within 5 minutes");
        }

        return new CliOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";
}
