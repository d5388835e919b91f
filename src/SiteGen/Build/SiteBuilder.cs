using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Markdown;
using SiteGen.Publish;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>The whole pipeline, one stage a line, in the order they run.</summary>
public sealed class SiteBuilder(TimeProvider clock)
{
    public BuildResult Build(SiteConfig config)
    {
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer();

        var imported = timer.Time("import", () => new ImportFeeds().Run(config, diagnostics, clock));
        // Pages are read after the import so a new feed's articles are part of this build.
        var pages = timer.Time("load", () => new LoadPages().Run(config.ContentDir, diagnostics));
        var templates = timer.Time("templates", () => TemplateSet.Load(config.TemplatesDir, diagnostics));
        if (diagnostics.HasErrors)
        {
            // A broken template or config makes every page wrong; keep the last good site.
            return Result(false, imported, 0, diagnostics, timer);
        }

        var pipeline = MarkdownPipelineFactory.Create();
        var rendered = timer.Time("render", () => new RenderMarkdown(pipeline).Run(pages, diagnostics));
        var site = SiteModel.From(rendered);

        using var output = new SiteOutput(config.OutputDir);
        WriteSiteResult written;
        try
        {
            written = timer.Time("write", () => new WriteSite(config, templates).Run(site, output, diagnostics));
            timer.Time("assets", () => new CopyAssets().Run(config.TemplatesDir, output));
            timer.Time("check", () => new SiteGen.Check.CheckLinks(config.BasePath).Run(output.StagingDir, config.OutputDir, diagnostics));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is TemplateRenderException))
        {
            var first = (TemplateRenderException)e.InnerExceptions[0];
            diagnostics.Error("SG0404", first.TemplatePath, 0, 0, $"template failed while rendering: {first.Message}");
            return Result(false, imported, 0, diagnostics, timer);
        }
        catch (TemplateRenderException e)
        {
            diagnostics.Error("SG0404", e.TemplatePath, 0, 0, $"template failed while rendering: {e.Message}");
            return Result(false, imported, 0, diagnostics, timer);
        }

        var succeeded = !diagnostics.HasErrors && !(config.Strict && diagnostics.Count > 0);
        if (succeeded)
        {
            // Only a complete site replaces the old one.
            output.Commit();
        }

        return Result(succeeded, imported, written.HtmlPages, diagnostics, timer);
    }

    private static BuildResult Result(bool succeeded, ImportResult imported, int pages, DiagnosticBag diagnostics, StageTimer timer) =>
        new(succeeded, imported.Feeds, imported.Entries, imported.Articles, pages,
            imported.ExactDuplicates, imported.NearDuplicates, Formulas: 0, FormulasCached: 0,
            diagnostics.Snapshot(), timer.Snapshot());
}
