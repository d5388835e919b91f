using System.CommandLine;
using SiteGen.Check;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>Commands besides <c>build</c> (<c>check</c>, <c>serve</c>), registered as they land.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(BuildOptions options)
    {
        var check = new Command("check", "Check every internal link, asset and #anchor of a built site (--out DIR); exit 1 when any is broken.");
        options.AddTo(check);
        check.SetAction(parsed => RunCheck(options, parsed));
        return [check];
    }

    private static int RunCheck(BuildOptions options, ParseResult parsed)
    {
        var config = options.Read(parsed, Console.Error);
        if (config is null)
        {
            return CommandLine.BadUsage;
        }

        var diagnostics = new DiagnosticBag();
        var result = new CheckLinks(config.BasePath).Run(config.OutputDir, config.OutputDir, diagnostics);
        foreach (var diagnostic in diagnostics.Snapshot())
        {
            Console.Error.WriteLine(diagnostic);
        }

        Console.Out.WriteLine($"checked {result.Links} links in {result.Pages} pages of {config.OutputDir}: {result.Broken} broken");
        return diagnostics.Count == 0 ? CommandLine.Success : CommandLine.BuildFailed;
    }
}
