using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Highlighting;
using SiteGen.Import;
using SiteGen.Markdown;
using SiteGen.Markdown.Extensions.Highlighting;
using SiteGen.Markdown.Extensions.Mathematics;
using SiteGen.Mathematics;
using SiteGen.Publish;
using SiteGen.Search;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>The whole pipeline, one stage a line, in the order they run.</summary>
public sealed class SiteBuilder(TimeProvider clock)
{
    /// <summary>Where a build that waits for another one's lock says so.</summary>
    public TextWriter LockNotices { get; init; } = Console.Error;

    /// <summary>Builds under the folders' lock (never two writers), after removing what killed builds left.</summary>
    public BuildResult Build(SiteConfig config, BuildCache? cache = null)
    {
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer();
        BuildLock writers;
        try
        {
            writers = BuildLock.Acquire(config, LockNotices);
        }
        catch (BuildLockException e)
        {
            diagnostics.Error("SG0702", e.LockFile, 0, 0, $"{e.Message}; check that the folder is writable");
            return Result(false, NothingImported, 0, diagnostics, timer);
        }

        using (writers)
        {
            if (cache?.Published is null)
            {
                // Only a killed process leaves these; a live preview checks on its first build, not on every save.
                Leftovers.Remove(config, diagnostics);
            }
            var result = BuildLocked(config, cache, diagnostics, timer);
            return result.Deferred is { } deferred ? result with { Deferred = () => RunLocked(config, deferred) } : result;
        }
    }

    private void RunLocked(SiteConfig config, Action deferred)
    {
        using var writers = BuildLock.Acquire(config, LockNotices);
        deferred();
    }

    private static readonly ImportResult NothingImported = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    private BuildResult BuildLocked(SiteConfig config, BuildCache? cache, DiagnosticBag diagnostics, StageTimer timer)
    {

        if (cache is null && !Directory.Exists(config.CacheDir))
        {
            // A cold build: parse KaTeX and warm Jint on another core while feeds and pages are read.
            KatexRenderer.PrepareInBackground();
        }

        var imported = timer.Time("import", () => Import(config, diagnostics, clock, cache));
        // Pages are read after the import so a new feed's articles are part of this build.
        var pages = timer.Time("load", () => Load(config, diagnostics, cache));
        var templates = timer.Time("templates", () => LoadTemplates(config, diagnostics, cache));
        if (diagnostics.HasErrors)
        {
            // A broken template or config makes every page wrong; keep the last good site.
            return Result(false, imported, 0, diagnostics, timer);
        }

        var katex = cache?.Katex(config) ?? new KatexRenderer(BuildCache.KatexSettingsFor(config));
        var (renderedBefore, cachedBefore) = (katex.RenderedCount, katex.CachedCount);
        var highlighter = cache?.Highlighter(config) ?? new CodeHighlighter(BuildCache.HighlightSettingsFor(config));
        var pipeline = MarkdownPipelineFactory.CreateBuilder().UseKatexMath(katex).UseHighlighting(highlighter).Build();
        // A live rebuild reuses each body whose Markdown, and what it links to, are unchanged.
        var rendered = timer.Time("render", () => new RenderMarkdown(pipeline, new KatexDocumentContext(), config.StaticDir).Run(pages, diagnostics, cache));
        var site = timer.Time("model", () => cache is null ? SiteModel.From(rendered) : SiteModel.From(rendered, cache.Listing));
        timer.Time("formula-cache", katex.SaveCache);
        timer.Time("highlight-cache", highlighter.SaveCache);
        var formulas = (Rendered: katex.RenderedCount - renderedBefore, Cached: katex.CachedCount - cachedBefore);
        var highlightCss = site.Articles.Any(a => a.Rendered.HasHighlight) ? highlighter.Stylesheet() : null;
        if (cache is null)
        {
            katex.Dispose();
            highlighter.Dispose();
        }

        // A live rebuild writes only what differs from the served site, unless something every page shows changed.
        var siteKey = timer.Time("site-key", () => SiteKey(config, site));
        var previous = cache?.Published is { } known && known.SiteKey == siteKey && known.Templates.Fingerprint == templates.Fingerprint
            && !config.Strict && Directory.Exists(config.OutputDir) ? known : null;
        var related = timer.Time("related", () => previous is null
            ? RelatedArticles.Compute(site.Articles, PageModels.RelatedCount)
            : AffectedPages.Related(previous, site.Articles));
        var plan = timer.Time("plan", () => new WriteSite(config, templates).Plan(site, related));
        int? written;
        try
        {
            written = previous is null
                ? PublishAll(config, site, templates, plan, highlightCss, diagnostics, timer)
                : IncrementalSite.Publish(config, previous, plan, diagnostics, timer);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is TemplateRenderException))
        {
            // One broken spot in a template fails many pages: report each spot once.
            foreach (var failure in e.InnerExceptions.Cast<TemplateRenderException>().Select(x => x.Diagnostic)
                         .DistinctBy(d => (d.File, d.Line, d.Column, d.Code)))
            {
                diagnostics.Add(failure);
            }

            return Result(false, imported, 0, diagnostics, timer);
        }
        catch (TemplateRenderException e)
        {
            diagnostics.Add(e.Diagnostic);
            return Result(false, imported, 0, diagnostics, timer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk, a permission, a file where the site folder should be: the previous site/ stays.
            diagnostics.Error("SG0701", config.OutputDir.Replace('\\', '/'), 0, 0, $"cannot write the site: {e.Message}");
            return Result(false, imported, 0, diagnostics, timer);
        }

        var succeeded = !diagnostics.HasErrors && !(config.Strict && diagnostics.Count > 0);
        if (cache is not null && (succeeded || (previous is not null && written is not null)))
        {
            // A live rebuild that wrote its files changed what is served, even if the link check then failed it.
            timer.Time("remember", () => cache.Published = new PublishedSite(siteKey, templates, plan.ToDictionary(f => f.Path, StringComparer.Ordinal),
                AffectedPages.RelatedByUrl(site.Articles, related)));
        }

        var deferred = previous is null ? null : DeferredStages(config, site);
        if (cache is null)
        {
            deferred?.Invoke();
            deferred = null;
        }

        return Result(succeeded, imported, plan.Count(f => f.IsHtml), diagnostics, timer) with
        {
            Formulas = formulas.Rendered + formulas.Cached,
            FormulasCached = formulas.Cached,
            PagesWritten = written ?? 0,
            Incremental = previous is not null,
            Deferred = deferred,
        };
    }

    /// <summary>Writes every file into a staging folder and swaps it in only if the build succeeded.</summary>
    private static int PublishAll(SiteConfig config, SiteModel site, TemplateSet templates, IReadOnlyList<SiteFile> plan, string? highlightCss,
        DiagnosticBag diagnostics, StageTimer timer)
    {
        using var output = new SiteOutput(config.OutputDir);
        timer.Time("write", () => Parallel.ForEach(plan, file => output.Write(file.Path, file.Render())));
        timer.Time("assets", () => new CopyAssets().Run(templates.Assets, output));
        if (site.Articles.Any(a => a.Rendered.HasMath))
        {
            // Only KaTeX's CSS and WOFF2 fonts: the math is already HTML, no KaTeX script ships.
            timer.Time("assets", () => KatexAssets.CopyTo(Path.Combine(output.StagingDir, "assets", "katex")));
        }

        if (highlightCss is not null)
        {
            output.Write(PageModels.HighlightStylesheet, highlightCss);
        }

        timer.Time("search", () => new BuildSearchIndex(SearchIndexOptions.For(config)).Run(SearchDocuments(site), output.StagingDir));
        // Last, so that every generated file is there to collide with.
        timer.Time("static", () => new CopyStaticFiles().Run(config.StaticDir, output, diagnostics));
        timer.Time("check", () => new SiteGen.Check.CheckLinks(config.BasePath).Run(output.StagingDir, config.OutputDir, diagnostics));
        if (!diagnostics.HasErrors && !(config.Strict && diagnostics.Count > 0))
        {
            // Only a complete site replaces the old one.
            timer.Time("swap", output.Commit);
        }

        return plan.Count(f => f.IsHtml);
    }

    /// <summary>
    /// After a live rebuild, the stages readers can wait for: the new HTML is served first, then the
    /// search index catches up in place. A full build writes the index into its staging folder instead.
    /// </summary>
    private static Action DeferredStages(SiteConfig config, SiteModel site) =>
        () => new BuildSearchIndex(SearchIndexOptions.For(config)).Run(SearchDocuments(site), config.OutputDir);

    private static List<SearchDocument> SearchDocuments(SiteModel site) =>
        site.Articles.Select(a => new SearchDocument(a.Page.Url, a.Page.Title, a.Rendered.Html, a.Page.Tags)).ToList();

    /// <summary>The configuration and the site-wide facts every page shows; a change rebuilds every page.</summary>
    private static string SiteKey(SiteConfig config, SiteModel site) =>
        System.Text.Json.JsonSerializer.Serialize(config) + "|math=" + site.Articles.Any(a => a.Rendered.HasMath)
        // The highlight stylesheet and static files are written by full builds only.
        + "|highlight=" + site.Articles.Any(a => a.Rendered.HasHighlight) + "|static=" + BuildCache.Stamp(config.StaticDir);

    /// <summary>Imports feeds, or, in a live rebuild, reuses the last import while seeds and configuration are unchanged.</summary>
    private static ImportResult Import(SiteConfig config, DiagnosticBag diagnostics, TimeProvider clock, BuildCache? cache)
    {
        // A content edit alone needs no import: the importer's output depends on the feeds and the settings.
        var stamp = BuildCache.Stamp(config.SeedsDir) + "|" + System.Text.Json.JsonSerializer.Serialize(config);
        if (cache?.Import is { } last && last.Stamp == stamp)
        {
            return last.Result;
        }

        var local = new DiagnosticBag();
        var result = ImportFeeds.Run(config, local, clock);
        foreach (var diagnostic in local.Snapshot())
        {
            diagnostics.Add(diagnostic);
        }

        if (cache is not null)
        {
            cache.Import = local.HasErrors ? null : (stamp, result);
        }

        return result;
    }

    /// <summary>Loads the pages, reusing, in a live rebuild, each page whose file length and write time are unchanged.</summary>
    private static IReadOnlyList<Page> Load(SiteConfig config, DiagnosticBag diagnostics, BuildCache? cache)
    {
        var loader = new LoadPages();
        if (cache is null)
        {
            return loader.Run(config.ContentDir, diagnostics);
        }

        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var pages = loader.Run(config.ContentDir, diagnostics, (file, bag) =>
        {
            seen[file] = 0;
            var info = new FileInfo(file);
            if (!cache.Loaded.TryGetValue(file, out var hit) || hit.Length != info.Length || hit.Ticks != info.LastWriteTimeUtc.Ticks)
            {
                // Stat before reading: a write racing with the read leaves an older stamp, so it is reloaded next time.
                var local = new DiagnosticBag();
                hit = (info.Length, info.LastWriteTimeUtc.Ticks, loader.LoadOne(file, local), local.Snapshot());
                cache.Loaded[file] = hit;
            }

            foreach (var diagnostic in hit.Diagnostics)
            {
                bag.Add(diagnostic);
            }

            return hit.Page;
        });
        foreach (var gone in cache.Loaded.Keys.Where(k => !seen.ContainsKey(k)))
        {
            cache.Loaded.TryRemove(gone, out _);
        }

        return pages;
    }

    private static TemplateSet LoadTemplates(SiteConfig config, DiagnosticBag diagnostics, BuildCache? cache)
    {
        var stamp = BuildCache.Stamp(config.TemplatesDir);
        var templates = cache?.Templates is { } known && known.Stamp == stamp ? known.Templates : null;
        if (templates is null)
        {
            var local = new DiagnosticBag();
            templates = TemplateSet.Load(config.TemplatesDir, local, config.TemplatesDirGiven);
            foreach (var diagnostic in local.Snapshot())
            {
                diagnostics.Add(diagnostic);
            }

            if (cache is not null && !local.HasErrors)
            {
                cache.Templates = (stamp, templates);
            }
        }

        // The words depend on the configuration too (language, translations), so they are checked on every build.
        templates.Words(config.Language, config.Translations, config.ConfigFile, diagnostics);
        return templates;
    }

    private static BuildResult Result(bool succeeded, ImportResult imported, int pages, DiagnosticBag diagnostics, StageTimer timer) =>
        new(succeeded, imported.Feeds, imported.Entries, imported.Articles, pages,
            imported.ExactDuplicates, imported.NearDuplicates, Formulas: 0, FormulasCached: 0,
            diagnostics.Snapshot(), timer.Snapshot());
}
