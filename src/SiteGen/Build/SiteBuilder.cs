using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Markdown;
using SiteGen.Markdown.Extensions.Mathematics;
using SiteGen.Mathematics;
using SiteGen.Publish;
using SiteGen.Search;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>The whole pipeline, one stage a line, in the order they run.</summary>
public sealed class SiteBuilder(TimeProvider clock)
{
    public BuildResult Build(SiteConfig config, BuildCache? cache = null)
    {
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer();

        if (cache is null && !Directory.Exists(config.CacheDir))
        {
            // A cold build: parse KaTeX and warm Jint on another core while feeds and pages are read.
            KatexRenderer.PrepareInBackground();
        }

        var imported = timer.Time("import", () => ImportFeeds.Run(config, diagnostics, clock));
        // Pages are read after the import so a new feed's articles are part of this build.
        var pages = timer.Time("load", () => new LoadPages().Run(config.ContentDir, diagnostics));
        var templates = timer.Time("templates", () => LoadTemplates(config, diagnostics, cache));
        if (diagnostics.HasErrors)
        {
            // A broken template or config makes every page wrong; keep the last good site.
            return Result(false, imported, 0, diagnostics, timer);
        }

        var katex = cache?.Katex(config) ?? new KatexRenderer(BuildCache.KatexSettingsFor(config));
        var (renderedBefore, cachedBefore) = (katex.RenderedCount, katex.CachedCount);
        var pipeline = MarkdownPipelineFactory.CreateBuilder().UseKatexMath(katex).Build();
        var rendered = timer.Time("render", () => Render(pages, new RenderMarkdown(pipeline, new KatexDocumentContext()), diagnostics, cache));
        var site = SiteModel.From(rendered);
        timer.Time("formula-cache", katex.SaveCache);
        var formulas = (Rendered: katex.RenderedCount - renderedBefore, Cached: katex.CachedCount - cachedBefore);
        if (cache is null)
        {
            katex.Dispose();
        }

        using var output = new SiteOutput(config.OutputDir);
        WriteSiteResult written;
        try
        {
            written = timer.Time("write", () => new WriteSite(config, templates).Run(site, output, diagnostics));
            timer.Time("assets", () => new CopyAssets().Run(config.TemplatesDir, output));
            if (rendered.Any(p => p.HasMath))
            {
                // Only KaTeX's CSS and WOFF2 fonts: the math is already HTML, no KaTeX script ships.
                timer.Time("assets", () => KatexAssets.CopyTo(Path.Combine(output.StagingDir, "assets", "katex")));
            }
            timer.Time("search", () => new BuildSearchIndex().Run(SearchDocuments(site), output.StagingDir));
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

        return Result(succeeded, imported, written.HtmlPages, diagnostics, timer) with
        {
            Formulas = formulas.Rendered + formulas.Cached,
            FormulasCached = formulas.Cached,
        };
    }

    private static List<SearchDocument> SearchDocuments(SiteModel site) =>
        site.Articles.Select(a => new SearchDocument(a.Page.Url, a.Page.Title, a.Rendered.Html, a.Page.Tags)).ToList();

    private static TemplateSet LoadTemplates(SiteConfig config, DiagnosticBag diagnostics, BuildCache? cache)
    {
        var stamp = BuildCache.Stamp(config.TemplatesDir);
        if (cache?.Templates is { } known && known.Stamp == stamp)
        {
            return known.Templates;
        }

        var local = new DiagnosticBag();
        var templates = TemplateSet.Load(config.TemplatesDir, local);
        foreach (var diagnostic in local.Snapshot())
        {
            diagnostics.Add(diagnostic);
        }

        if (cache is not null && !local.HasErrors)
        {
            cache.Templates = (stamp, templates);
        }

        return templates;
    }

    /// <summary>Renders each page, reusing a cached body (and its diagnostics) while its Markdown is unchanged.</summary>
    private static IReadOnlyList<RenderedPage> Render(IReadOnlyList<Page> pages, RenderMarkdown renderer, DiagnosticBag diagnostics, BuildCache? cache)
    {
        if (cache is null)
        {
            return renderer.Run(pages, diagnostics);
        }

        var rendered = new RenderedPage[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var page = pages[i];
            if (!cache.Pages.TryGetValue(page.SourcePath, out var hit) || hit.Markdown != page.Markdown || hit.BodyLine != page.BodyLine)
            {
                var local = new DiagnosticBag();
                hit = (page.Markdown, page.BodyLine, renderer.RenderOne(page, local), local.Snapshot());
                cache.Pages[page.SourcePath] = hit;
            }

            foreach (var diagnostic in hit.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            rendered[i] = hit.Rendered with { Page = page };
        });
        return rendered;
    }

    private static BuildResult Result(bool succeeded, ImportResult imported, int pages, DiagnosticBag diagnostics, StageTimer timer) =>
        new(succeeded, imported.Feeds, imported.Entries, imported.Articles, pages,
            imported.ExactDuplicates, imported.NearDuplicates, Formulas: 0, FormulasCached: 0,
            diagnostics.Snapshot(), timer.Snapshot());
}
