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
        build.SetAction(parsed => options.Read(parsed, Console.Error) is { } config ? RunBuild(config, Terminal.ForProcess(parsed)) : options.FailureExitCode);
        root.Subcommands.Add(build);
        foreach (var command in ExtraCommands.Create(options))
        {
            root.Subcommands.Add(command);
        }

        CommandGuide.Apply(root);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            return UsageErrors.Report(result, Console.Error);
        }

        // Exceptions reach Run's handler: one line, the stack only with --verbose.
        return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static int RunBuild(SiteConfig config, Terminal terminal)
    {
        // Only a published site needs its host, so the warning is the command line's, not the builder's.
        var noHost = PublishingHost.NoHost(config);
        if (noHost is not null && config.Strict)
        {
            terminal.Report(noHost);
            terminal.Error.WriteLine("--strict: warnings count as errors; nothing was built and the previous site was kept.");
            return BuildFailed;
        }

        var result = BuildProgress.Run(terminal, () => new SiteBuilder(TimeProvider.System).Build(config));
        result = noHost is null ? result : result with { Diagnostics = [noHost, .. result.Diagnostics] };
        ConsoleReporter.Print(result, config, terminal.Quiet);
        if (config.ReportPath is not null)
        {
            BuildReport.Write(config.ReportPath, result);
        }

        return result.Succeeded ? Success : BuildFailed;
    }
}
