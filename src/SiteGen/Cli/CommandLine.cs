using System.CommandLine;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>Entry point of the <c>sitegen</c> command: exit 0 on success, 1 on build errors, 2 on bad usage.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int BuildFailed = 1;
    public const int BadUsage = 2;

    public static int Run(string[] args)
    {
        try
        {
            return RunCommand(args);
        }
        catch (Exception e)
        {
            return InternalError.Report(e, verbose: args.Contains(InternalError.VerboseFlag), Console.Error);
        }
    }

    private static int RunCommand(string[] args)
    {
        var options = new BuildOptions();
        var root = new RootCommand("SiteGen: static documentation sites for technical writing with math.");
        root.Options.Add(InternalError.CreateVerboseOption());
        var build = new Command("build", "Import feeds into content/ and build the static site.");
        options.AddTo(build);
        build.SetAction(parsed => options.Read(parsed, Console.Error) is { } config ? RunBuild(config) : options.FailureExitCode);
        root.Subcommands.Add(build);
        foreach (var command in ExtraCommands.Create(options))
        {
            root.Subcommands.Add(command);
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"sitegen: error SG0001: {error.Message}");
            }

            Console.Error.WriteLine("Run 'sitegen --help' for usage.");
            return BadUsage;
        }

        // Exceptions reach Run's handler: one line, the stack only with --verbose.
        return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static int RunBuild(SiteConfig config)
    {
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        ConsoleReporter.Print(result, config);
        if (config.ReportPath is not null)
        {
            BuildReport.Write(config.ReportPath, result);
        }

        return result.Succeeded ? Success : BuildFailed;
    }
}
