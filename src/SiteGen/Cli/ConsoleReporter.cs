using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>Prints diagnostics (MSBuild format, to stderr, so editors and CI can link them) and a summary.</summary>
public static class ConsoleReporter
{
    public static void Print(BuildResult result, SiteConfig config, bool quiet = false)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (quiet)
        {
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            // Logs are read by tools and people scrolling; wrapping at 80 columns only hurts both.
            console.Profile.Width = 400;
        }

        var total = result.StageMilliseconds.Values.Sum();
        var status = result.Succeeded ? result.UpToDate ? "[green]up to date[/]" : "[green]built[/]" : "[red]build failed[/]";
        console.MarkupLine($"{status} {Markup.Escape(config.OutputDir)}: {result.Pages} pages from {result.Articles} articles " +
            $"({result.Feeds} feeds, {result.Entries} entries, {result.ExactDuplicates} exact and {result.NearDuplicates} near duplicates), " +
            (result.UpToDate ? "nothing changed since the last build" : $"{result.Formulas} formulas ({result.FormulasCached} cached)") + $" in {total} ms; " +
            $"{result.Errors} error(s), {result.Warnings} warning(s)");
        if (!result.Succeeded && config.Strict && result.Errors == 0)
        {
            console.MarkupLine("[red]--strict: warnings count as errors; the previous site was kept.[/]");
        }
    }
}
