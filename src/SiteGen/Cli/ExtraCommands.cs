using System.CommandLine;
using SiteGen.Serve;

namespace SiteGen.Cli;

/// <summary>Commands besides <c>build</c> (<c>check</c>, <c>serve</c>), registered as they land.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(BuildOptions options)
    {
        yield return Serve(options);
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
                return CommandLine.BadUsage;
            }

            var session = new ServeSession(() => options.Read(parsed, Console.Error), parsed.GetValue(host)!, parsed.GetValue(port), Console.Out);
            await session.RunAsync(cancel);
            return CommandLine.Success;
        });
        return serve;
    }
}
