using System.CommandLine;
using SiteGen.Check;
using SiteGen.Config;
using SiteGen.Deploy;
using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen deploy --to DIR | --git URL_OR_PATH</c>: publishes the built site after checking its links
/// (broken internal links refuse the deploy unless <c>--force</c>). It does not build: run <c>sitegen build</c> first.
/// </summary>
internal static class DeployCommand
{
    public const string UsageCode = "SG0900";
    public const string NoSiteCode = "SG0901";
    public const string BrokenLinksCode = "SG0902";

    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "Mirror the site into this folder (a web root, a synced drive): copy what changed, delete what is gone", HelpName = "DIR" };
        var git = new Option<string?>("--git") { Description = "Publish the site as one new commit on a branch of this repository (URL or path)", HelpName = "URL_OR_PATH" };
        var branch = new Option<string>("--branch") { Description = "Branch for --git", DefaultValueFactory = _ => "gh-pages" };
        var message = new Option<string?>("--message") { Description = "Commit message for --git (default: \"Deploy TITLE with SiteGen VERSION\")", HelpName = "TEXT" };
        var force = new Option<bool>("--force") { Description = "Deploy despite broken internal links, or into a non-empty folder SiteGen did not deploy to" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing" };
        var output = new Option<string>("--out") { Description = "The built site", DefaultValueFactory = _ => new SiteConfig().OutputDir, HelpName = "DIR" };
        var config = new Option<string>("--config") { Description = "Site configuration file", DefaultValueFactory = _ => LoadConfig.FileName };
        var baseUrl = new Option<string?>("--base-url") { Description = "Base URL the site was built for (default: base_url in sitegen.yml)" };
        var deploy = new Command("deploy", "Publish the built site: mirror it into a folder (--to) or commit it to a git branch (--git).");
        foreach (var option in new Option[] { to, git, branch, message, force, dryRun, output, config, baseUrl })
        {
            deploy.Options.Add(option);
        }

        deploy.SetAction(parsed =>
        {
            var terminal = Terminal.ForProcess(parsed);
            var (site, failureExitCode) = ReadConfig(terminal, parsed.GetValue(config)!, parsed.GetValue(output)!, parsed.GetValue(baseUrl));
            if (site is null)
            {
                return failureExitCode;
            }

            var (target, remote) = (parsed.GetValue(to), parsed.GetValue(git));
            if ((target is null) == (remote is null))
            {
                terminal.Report(Diagnostic.Error(UsageCode, "deploy", 0, 0,
                    "say where to publish: --to DIR (a folder) or --git URL_OR_PATH (a repository), not both; see sitegen deploy --help"));
                return CommandLine.BadUsage;
            }

            var request = new Request(site, parsed.GetValue(force), parsed.GetValue(dryRun));
            return target is not null
                ? ToFolder(terminal, request, target)
                : ToGit(terminal, request, remote!, parsed.GetValue(branch)!, parsed.GetValue(message));
        });
        return deploy;
    }

    private sealed record Request(SiteConfig Config, bool Force, bool DryRun);

    /// <summary>The site's configuration, or null with exit 2 for a bad flag and 1 for a broken sitegen.yml (as build does).</summary>
    private static (SiteConfig? Config, int FailureExitCode) ReadConfig(Terminal terminal, string configFile, string output, string? baseUrl)
    {
        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(configFile, new SiteConfig { ConfigFile = configFile }, diagnostics) with { OutputDir = output };
        if (baseUrl is not null)
        {
            if (!BaseUrl.IsValid(BaseUrl.Normalize(baseUrl)))
            {
                diagnostics.Error("SG0002", "--base-url", 0, 0, $"'{baseUrl}' is not a base URL; use an absolute http(s) URL or a path such as /docs/");
            }

            config = config with { BaseUrl = BaseUrl.Normalize(baseUrl) };
        }

        var reported = diagnostics.Snapshot();
        terminal.Report(reported);
        var badFlag = reported.Any(d => d.Severity == Severity.Error && d.Code == "SG0002");
        return diagnostics.HasErrors ? (null, badFlag ? CommandLine.BadUsage : CommandLine.BuildFailed) : (config, 0);
    }

    /// <summary>The checks every deploy runs first: a built site, a host in the base URL, no broken internal link.</summary>
    private static bool Ready(Terminal terminal, Request request)
    {
        var config = request.Config;
        if (!File.Exists(Path.Combine(config.OutputDir, "index.html")))
        {
            terminal.Report(Diagnostic.Error(NoSiteCode, config.OutputDir, 0, 0,
                Directory.Exists(config.OutputDir) ? "has no index.html, so it is not a built site; run sitegen build first" : "not found; run sitegen build first (or pass --out DIR)"));
            return false;
        }

        foreach (var warning in new[] { PublishingHost.NoHost(config), PublishingHost.StillPlaceholder(config) })
        {
            if (warning is not null)
            {
                terminal.Report(warning);
            }
        }

        var diagnostics = new DiagnosticBag();
        var checkedLinks = new CheckLinks(config.BasePath).Run(config.OutputDir, config.OutputDir, diagnostics);
        terminal.Report(diagnostics.Snapshot());
        terminal.Line($"checked {checkedLinks.Links} links in {checkedLinks.Pages} pages of {Markup.Escape(config.OutputDir)}: {checkedLinks.Broken} broken");
        if (diagnostics.HasErrors || (checkedLinks.Broken > 0 && !request.Force))
        {
            terminal.Report(Diagnostic.Error(BrokenLinksCode, config.OutputDir, 0, 0,
                $"not deployed: {checkedLinks.Broken} broken internal link(s) (listed above); fix them and rebuild, or pass --force to deploy anyway"));
            return false;
        }

        if (checkedLinks.Broken > 0)
        {
            terminal.Line($"[yellow]deploying anyway (--force)[/] with {checkedLinks.Broken} broken link(s)");
        }

        return true;
    }

    private static int ToFolder(Terminal terminal, Request request, string target)
    {
        var diagnostics = new DiagnosticBag();
        var mirror = new MirrorFolder(request.DryRun);
        if (Directory.Exists(request.Config.OutputDir) && !mirror.Accepts(request.Config.OutputDir, target, request.Force, diagnostics))
        {
            // A folder that must not be mirrored into is refused before the link check spends time.
            terminal.Report(diagnostics.Snapshot());
            return CommandLine.BuildFailed;
        }

        if (!Ready(terminal, request))
        {
            return CommandLine.BuildFailed;
        }

        var result = mirror.Run(request.Config.OutputDir, target, request.Force, diagnostics);
        terminal.Report(diagnostics.Snapshot());
        if (result is null)
        {
            return CommandLine.BuildFailed;
        }

        var site = Markup.Escape(request.Config.OutputDir);
        if (request.DryRun)
        {
            foreach (var change in result.Changes)
            {
                terminal.Line(Markup.Escape("  " + change));
            }

            terminal.Line($"dry run: deploying {site} to {Markup.Escape(target)} would copy {result.Copied}, delete {result.Deleted} and keep {result.Unchanged} file(s); nothing was written");
            return CommandLine.Success;
        }

        terminal.Line($"[green]deployed[/] {site} to {Markup.Escape(target)}: {result.Copied} copied, {result.Deleted} deleted, {result.Unchanged} unchanged");
        return CommandLine.Success;
    }

    private static int ToGit(Terminal terminal, Request request, string remote, string branch, string? message)
    {
        if (!Ready(terminal, request))
        {
            return CommandLine.BuildFailed;
        }

        var git = new GitRunner();
        var diagnostics = new DiagnosticBag();
        // The state repository lives in the build state folder beside sitegen.yml, wherever the command runs.
        var config = request.Config;
        var state = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.ConfigFile))!, config.CacheDir);
        var deploy = new GitDeployRequest(config.OutputDir, remote, branch, message ?? DefaultMessage(git, config), state, request.DryRun);
        var result = new PublishToGit(git).Run(deploy, diagnostics);
        terminal.Report(diagnostics.Snapshot());
        if (result is null)
        {
            return CommandLine.BuildFailed;
        }

        var where = $"{Markup.Escape(PublishToGit.Redact(remote))} (branch {Markup.Escape(branch)})";
        var changes = $"{result.Added} added, {result.Modified} changed, {result.Deleted} deleted";
        var cname = result.KeptCname ? "; kept the branch's CNAME" : "";
        if (result.UpToDate)
        {
            terminal.Line($"{where} already has this site ({Short(result.Parent)}); no new commit");
        }
        else if (request.DryRun)
        {
            terminal.Line($"dry run: deploying {Markup.Escape(request.Config.OutputDir)} to {where} would commit {changes}{cname}; nothing was pushed");
        }
        else
        {
            var onTop = result.Parent is null ? "a new branch" : $"on top of {Short(result.Parent)}";
            terminal.Line($"[green]deployed[/] {Markup.Escape(request.Config.OutputDir)} to {where}: commit {Short(result.Commit)}, {onTop}; {changes}{cname}");
        }

        return CommandLine.Success;
    }

    /// <summary>"Deploy TITLE with SiteGen VERSION", plus the commit of the sources when the site lives in a git repository.</summary>
    private static string DefaultMessage(GitRunner git, SiteConfig config)
    {
        var message = $"Deploy {config.Title} with SiteGen {VersionInfo.Version}\n";
        try
        {
            var head = git.Run(Path.GetDirectoryName(Path.GetFullPath(config.ConfigFile)), "rev-parse", "--verify", "--quiet", "HEAD");
            if (head.Succeeded && head.Stdout.Trim().Length > 0)
            {
                message += $"\nBuilt from {head.Stdout.Trim()}\n";
            }
        }
        catch (GitNotFoundException)
        {
            // PublishToGit reports the missing git.
        }

        return message;
    }

    private static string Short(string? sha) => sha is null ? "" : sha[..Math.Min(7, sha.Length)];
}
