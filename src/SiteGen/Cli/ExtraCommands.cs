using System.CommandLine;
using SiteGen.Check;
using SiteGen.Diagnostics;
using SiteGen.Serve;

namespace SiteGen.Cli;

/// <summary>Commands besides <c>build</c> (<c>check</c>, <c>serve</c>), registered as they land.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(BuildOptions options)
    {
        var check = new Command("check", "Check every internal link, asset and #anchor of a built site (--out DIR); exit 1 when any is broken.");
        options.AddTo(check);
        check.SetAction(parsed => RunCheck(options, parsed));
        yield return check;
        yield return Serve(options);
        yield return InitCommand.Create();
        yield return DeployCommand.Create();
    }

    private static int RunCheck(BuildOptions options, ParseResult parsed)
    {
        var config = options.Read(parsed, Console.Error);
        if (config is null)
        {
            return options.FailureExitCode;
        }

        var diagnostics = new DiagnosticBag();
        var result = new CheckLinks(config.BasePath).Run(config.OutputDir, config.OutputDir, diagnostics);
        foreach (var diagnostic in diagnostics.Snapshot())
        {
            Console.Error.WriteLine(diagnostic);
        }

        if (!parsed.GetValue(Terminal.QuietOption))
        {
            Console.Out.WriteLine($"checked {result.Links} links in {result.Pages} pages of {config.OutputDir}: {result.Broken} broken");
        }

        return diagnostics.Count == 0 ? CommandLine.Success : CommandLine.BuildFailed;
    }

    private static Command Serve(BuildOptions options)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var serve = new Command("serve", "Build, serve the site with live reload, and rebuild on every change.");
        options.AddTo(serve);
        serve.Options.Add(port);
        serve.Options.Add(host);
        serve.SetAction(async (parsed, cancel) =>
        {
            if (options.Read(parsed, Console.Error) is null)
            {
                return options.FailureExitCode;
            }

            var session = new ServeSession(() => options.Read(parsed, Console.Error), parsed.GetValue(host)!, parsed.GetValue(port), Console.Out);
            await session.RunAsync(cancel);
            return CommandLine.Success;
        });
        return serve;
    }
}
