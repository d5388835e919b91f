using System.CommandLine;
using System.Text.RegularExpressions;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Init;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary><c>sitegen init [DIR]</c>: a new site that <c>sitegen build</c> builds at once.</summary>
internal static partial class InitCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("DIR") { Description = "Folder of the new site, created if missing (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var title = new Option<string?>("--title") { Description = "Site title (default: the folder's name)" };
        var language = new Option<string>("--language") { Description = "Language of the articles and the theme: zh-CN or en", DefaultValueFactory = _ => new SiteConfig().Language };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Where the site will be published, e.g. https://you.github.io/notes/ (asked on a terminal; else {PublishingHost.Placeholder})",
        };
        var force = new Option<bool>("--force") { Description = "Rewrite sitegen.yml and the sample feed of an existing site (pages and other feeds are kept)" };
        var init = new Command("init", "Create a new site: sitegen.yml, seeds/ with a sample feed, content/, .gitignore and a README.");
        init.Arguments.Add(directory);
        init.Options.Add(title);
        init.Options.Add(language);
        init.Options.Add(baseUrl);
        init.Options.Add(force);
        init.SetAction(parsed => Run(
            Terminal.ForProcess(parsed), parsed.GetValue(directory) ?? ".", parsed.GetValue(title), parsed.GetValue(language)!, parsed.GetValue(baseUrl), parsed.GetValue(force)));
        return init;
    }

    private static int Run(Terminal terminal, string directory, string? title, string language, string? baseUrl, bool force)
    {
        if (!LanguageTag().IsMatch(language))
        {
            terminal.Report(Diagnostic.Error("SG0914", "--language", 0, 0, $"'{language}' is not a language tag; use e.g. zh-CN or en"));
            return CommandLine.BadUsage;
        }

        if (baseUrl is not null && !BaseUrl.IsValid(BaseUrl.Normalize(baseUrl)))
        {
            terminal.Report(Diagnostic.Error("SG0002", "--base-url", 0, 0, $"'{baseUrl}' is not a base URL; use an absolute http(s) URL such as https://you.github.io/notes/"));
            return CommandLine.BadUsage;
        }

        var full = Path.GetFullPath(directory);
        var settings = new InitSettings(
            string.IsNullOrWhiteSpace(title) ? Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } name ? name : "SiteGen" : title,
            language,
            BaseUrl.Normalize(baseUrl ?? Ask(terminal)));
        var diagnostics = new DiagnosticBag();
        var result = new CreateSite().Run(directory, settings, force, diagnostics);
        terminal.Report(diagnostics.Snapshot());
        if (!result.Created)
        {
            return CommandLine.BuildFailed;
        }

        terminal.Line($"[green]created[/] a site in {Markup.Escape(directory)}: {Markup.Escape(string.Join(", ", result.Written))}" +
            (result.Kept.Count > 0 ? $" (kept your {Markup.Escape(string.Join(", ", result.Kept))})" : ""));
        if (settings.BaseUrl == PublishingHost.Placeholder)
        {
            terminal.Line($"base_url is the placeholder {PublishingHost.Placeholder}: set it in sitegen.yml to where the site will live before you deploy");
        }

        var cd = Path.GetFullPath(directory) == Environment.CurrentDirectory ? "" : $"cd {Quote(directory)} && ";
        terminal.Line($"next: [bold]{Markup.Escape(cd)}sitegen build[/], then open site/index.html, or [bold]sitegen serve[/] for a live preview");
        return CommandLine.Success;
    }

    /// <summary>On a terminal, asks where the site will live; otherwise (a script, a pipe) takes the placeholder.</summary>
    private static string Ask(Terminal terminal)
    {
        if (!terminal.CanAsk)
        {
            return PublishingHost.Placeholder;
        }

        var prompt = new TextPrompt<string>("Where will the site be published? Base URL with scheme and host (e.g. https://you.github.io/notes/):")
            .DefaultValue(PublishingHost.Placeholder)
            .Validate(answer =>
            {
                var normalized = BaseUrl.Normalize(answer);
                return normalized.Contains("://", StringComparison.Ordinal) && BaseUrl.IsValid(normalized)
                    ? ValidationResult.Success()
                    : ValidationResult.Error("[red]an absolute http(s) URL, such as https://you.github.io/notes/[/]");
            });
        return terminal.Console.Prompt(prompt);
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || "'\"$&;|<>()".Contains(c)) ? $"'{path.Replace("'", "'\\''")}'" : path;

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
