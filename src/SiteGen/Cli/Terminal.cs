using System.CommandLine;
using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>
/// Where a command writes: colours and live displays only when standard output is a terminal; plain
/// text (no escape codes, no wrapping) when it is piped or redirected; only diagnostics under <c>--quiet</c>.
/// Diagnostics always go to standard error in MSBuild format, so editors and CI can link them.
/// </summary>
internal sealed class Terminal
{
    /// <summary>The <c>--quiet</c> flag of the commands that print progress or a summary (not serve, whose log is its point).</summary>
    public static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Print only warnings and errors" };

    public Terminal(TextWriter output, TextWriter error, bool interactive, bool quiet)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Quiet = quiet;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Logs are read by tools and people scrolling; wrapping at 80 columns only hurts both.
            Console.Profile.Width = 400;
        }
    }

    /// <summary>The process's console; interactive only when stdout is a terminal that understands escape codes.</summary>
    public static Terminal ForProcess(ParseResult parsed) =>
        new(System.Console.Out, System.Console.Error, StdoutIsTerminal, parsed.GetValue(QuietOption));

    /// <summary>True when standard output is a terminal (not a pipe, file or <c>TERM=dumb</c>).</summary>
    public static bool StdoutIsTerminal =>
        !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>True when the user can answer a question: both stdin and stdout are terminals.</summary>
    public bool CanAsk => Interactive && !System.Console.IsInputRedirected;

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Interactive { get; }

    public bool Quiet { get; }

    /// <summary>Spectre.Console over <see cref="Output"/>, for markup, prompts and live displays.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Writes one line of Spectre markup (colours dropped when not a terminal), unless quiet.</summary>
    public void Line(string markup)
    {
        if (!Quiet)
        {
            Console.MarkupLine(markup);
        }
    }

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Error.WriteLine(diagnostic);
        }
    }

    public void Report(Diagnostic diagnostic) => Error.WriteLine(diagnostic);
}
