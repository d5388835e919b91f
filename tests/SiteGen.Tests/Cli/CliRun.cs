using SiteGen.Cli;

namespace SiteGen.Tests.Cli;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliOutput(int Exit, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs <see cref="CommandLine.Run"/> in this process with stdout and stderr captured. The console is
/// process-wide, so every test class using this belongs to the "Console" collection (run one at a time).
/// </summary>
public static class CliRun
{
    public static CliOutput Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = CommandLine.Run(args);
            return new CliOutput(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
