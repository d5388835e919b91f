using System.CommandLine;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>The options every build-like command shares, merged over <c>sitegen.yml</c> (flags win).</summary>
public sealed class BuildOptions
{
    private readonly Option<string> _seeds = new("--seeds") { Description = "Folder of input feeds", DefaultValueFactory = _ => "seeds" };
    private readonly Option<string> _content = new("--content") { Description = "Folder of Markdown pages", DefaultValueFactory = _ => "content" };
    private readonly Option<string> _templates = new("--templates") { Description = "Folder of theme overrides (Scriban templates, words, assets); the rest comes from the built-in theme", DefaultValueFactory = _ => "templates" };
    private readonly Option<string> _out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "site" };
    private readonly Option<string?> _baseUrl = new("--base-url") { Description = "Base URL, e.g. https://example.org/docs/ (default /, or base_url in sitegen.yml)" };
    private readonly Option<string?> _report = new("--report") { Description = "Write a JSON build report to this file" };
    private readonly Option<bool> _strict = new("--strict") { Description = "Treat warnings as errors" };
    private readonly Option<string> _config = new("--config") { Description = "Site configuration file", DefaultValueFactory = _ => LoadConfig.FileName };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _seeds, _content, _templates, _out, _baseUrl, _report, _strict, _config })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>After <see cref="Read"/> returned null: 2 when a flag was wrong, 1 when the configuration file was.</summary>
    public int FailureExitCode { get; private set; } = CommandLine.BadUsage;

    /// <summary>The merged configuration, or null (after printing why) when it is unusable.</summary>
    public SiteConfig? Read(ParseResult parsed, TextWriter errors)
    {
        var diagnostics = new DiagnosticBag();
        var configFile = parsed.GetValue(_config)!;
        var config = new LoadConfig().Run(configFile, new SiteConfig { ConfigFile = configFile }, diagnostics);
        var baseUrl = parsed.GetValue(_baseUrl);
        if (baseUrl is not null && !BaseUrl.IsValid(BaseUrl.Normalize(baseUrl)))
        {
            diagnostics.Error("SG0002", "--base-url", 0, 0, $"'{baseUrl}' is not a base URL; use an absolute http(s) URL or a path such as /docs/");
        }

        foreach (var diagnostic in diagnostics.Snapshot())
        {
            errors.WriteLine(diagnostic);
        }

        if (diagnostics.HasErrors)
        {
            // A bad flag is bad usage; a broken sitegen.yml is a build error, like a broken template.
            FailureExitCode = diagnostics.Snapshot().Any(d => d.Severity == Severity.Error && d.Code is "SG0001" or "SG0002")
                ? CommandLine.BadUsage
                : CommandLine.BuildFailed;
            return null;
        }

        return config with
        {
            SeedsDir = parsed.GetValue(_seeds)!,
            ContentDir = parsed.GetValue(_content)!,
            TemplatesDir = parsed.GetValue(_templates)!,
            TemplatesDirGiven = parsed.GetResult(_templates) is { Implicit: false },
            OutputDir = parsed.GetValue(_out)!,
            BaseUrl = baseUrl is null ? config.BaseUrl : BaseUrl.Normalize(baseUrl),
            ReportPath = parsed.GetValue(_report),
            Strict = parsed.GetValue(_strict),
        };
    }
}
