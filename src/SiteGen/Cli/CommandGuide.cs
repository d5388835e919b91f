using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>
/// What makes the help teach: commands listed in the order a new site uses them, an example line at the
/// end of every help page, and <c>--version</c> naming the build.
/// </summary>
internal static class CommandGuide
{
    private static readonly string[] WorkflowOrder = ["init", "build", "serve", "check", "deploy"];
    private static readonly string[] Quietable = ["init", "build", "check", "deploy"];

    private static readonly Dictionary<string, (string Line, string What)[]> ExamplesByCommand = new(StringComparer.Ordinal)
    {
        [""] =
        [
            ("sitegen init my-site", "a new site in my-site/"),
            ("cd my-site && sitegen build", "import seeds/ into content/, build site/"),
            ("sitegen serve", "live preview at http://127.0.0.1:8080/"),
            ("sitegen deploy --git git@github.com:you/notes.git", "publish to the gh-pages branch"),
            ("sitegen COMMAND --help", "options and examples of a command"),
        ],
        ["init"] =
        [
            ("sitegen init my-site", "asks for the base URL on a terminal"),
            ("sitegen init my-site --language en --base-url https://you.github.io/notes/", ""),
        ],
        ["build"] =
        [
            ("sitegen build", "seeds/ + content/ → site/"),
            ("sitegen build --base-url https://example.org/docs/ --strict", "warnings fail the build"),
        ],
        ["serve"] = [("sitegen serve --port 8080", "rebuilds and reloads the browser on every change")],
        ["check"] = [("sitegen check --out site", "every internal link, asset and #anchor")],
        ["deploy"] =
        [
            ("sitegen deploy --to /var/www/notes", "mirror site/ into a folder"),
            ("sitegen deploy --git git@github.com:you/notes.git", "one new commit on gh-pages"),
            ("sitegen deploy --git ../pages.git --branch main --message \"New posts\"", ""),
            ("sitegen deploy --to /var/www/notes --dry-run", "list what would change"),
        ],
    };

    public static void Apply(RootCommand root)
    {
        VersionInfo.Install(root);
        HelpExamples.Install(root);
        // A bare `sitegen` shows the help (exit 2, it did nothing) instead of "Required command was not provided".
        var help = root.Options.OfType<System.CommandLine.Help.HelpOption>().Single();
        root.SetAction(parsed => help.Action is System.CommandLine.Invocation.SynchronousCommandLineAction show
            ? Math.Max(show.Invoke(parsed), CommandLine.BadUsage)
            : CommandLine.BadUsage);
        var commands = root.Subcommands.ToList();
        root.Subcommands.Clear();
        foreach (var command in commands.OrderBy(c => Array.IndexOf(WorkflowOrder, c.Name) is var i and >= 0 ? i : int.MaxValue))
        {
            root.Subcommands.Add(command);
        }

        root.With(ExamplesByCommand[""]);
        foreach (var command in root.Subcommands)
        {
            if (Quietable.Contains(command.Name))
            {
                command.Options.Add(Terminal.QuietOption);
            }

            if (ExamplesByCommand.TryGetValue(command.Name, out var examples))
            {
                command.With(examples);
            }
        }
    }
}
