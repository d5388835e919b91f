using SiteGen.Common;
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
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>
/// The whole pipeline, one stage a line, in the order they run. Every build is incremental through this one
/// path: each stage keys its units by their inputs and reuses what the build state (<see cref="BuildState"/>)
/// holds for an unchanged key; a cold build is the same path with an empty state, and <c>sitegen serve</c>
/// runs it in a session kept warm (<see cref="BuildSession"/>).
/// </summary>
public sealed class SiteBuilder(TimeProvider clock)
{
    /// <summary>Where a build that waits for another one's lock, or discards a damaged build state, says so.</summary>
    public TextWriter LockNotices { get; init; } = Console.Error;

    /// <summary>Builds under the folders' lock (never two writers), after removing what killed builds left.</summary>
    public BuildResult Build(SiteConfig config, BuildSession? session = null)
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
        using (var owned = session is null ? new BuildSession { OneShot = true } : null)
        {
            session ??= owned!;
            if (session.Builds++ == 0)
            {
                // Only a killed process leaves these; a live preview checks on its first build, not on every save.
                timer.Time("leftovers", () => Leftovers.Remove(config, diagnostics));
            }

            // Taken before anything is read, so an input edited while this build runs is not taken as built.
            var fixedInputs = session.OneShot && !config.Clean ? UpToDate.FixedInputs(config) : null;
            if (fixedInputs is not null && diagnostics.Count == 0
                && timer.Time("up-to-date", () => UpToDate.Check(config, fixedInputs, timer)) is { } unchanged)
            {
                return unchanged with { StageMilliseconds = timer.Snapshot() };
            }

            UpToDate.Remove(config);
            var state = timer.Time("state-read", () => session.State(config));
            var note = state.Note;
            try
            {
                var result = BuildLocked(config, session, state, diagnostics, timer) with { StateNote = note };
                if (fixedInputs is not null && result.Succeeded && result.ContentAfterImport is { } content
                    && UpToDate.FixedInputs(config) == fixedInputs && UpToDate.Content(config) == content)
                {
                    UpToDate.Write(config, fixedInputs, content, result, state.Output);
                }

                return result;
            }
            catch (Exception failure) when (StateProblem(failure) is { } e)
            {
                // A stored body no longer matches its hash: start again from an empty state, never from damaged data.
                note = $"the build state in {config.CacheDir.Replace('\\', '/')} is damaged ({e.Message}); it was discarded and the site built from scratch";
                LockNotices.WriteLine($"sitegen: {note}");
                var fresh = new DiagnosticBag();
                foreach (var d in diagnostics.Snapshot().Where(d => d.Code == "SG0703"))
                {
                    fresh.Add(d);
                }

                return BuildLocked(config, session, session.Reset(config), fresh, new StageTimer()) with { StateNote = note };
            }
            finally
            {
                if (note is not null && state.Note is not null)
                {
                    LockNotices.WriteLine($"sitegen: {note}");
                }
            }
        }
    }

    private static readonly ImportResult NothingImported = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The damaged-state problem behind <paramref name="e"/> (thrown on a worker thread, it arrives wrapped), or null.</summary>
    private static BuildStateException? StateProblem(Exception e) => e switch
    {
        BuildStateException state => state,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(StateProblem).FirstOrDefault(x => x is not null),
        _ => e.InnerException is null ? null : StateProblem(e.InnerException),
    };

    private BuildResult BuildLocked(SiteConfig config, BuildSession session, BuildState state, DiagnosticBag diagnostics, StageTimer timer)
    {
        var inputs = timer.Time("inputs", () => SiteInputs.Read(config, state.FileHashes));
        if (state.IsEmpty && inputs.MayHaveMath)
        {
            // A cold build: parse KaTeX and warm Jint on another core while feeds and pages are read.
            KatexRenderer.PrepareInBackground();
        }

        var (imported, content) = timer.Time("import", () => Import(config, state, inputs, diagnostics, clock));
        var contentAfterImport = session.OneShot ? UpToDate.Content(config) : null;
        // Pages are read after the import so a new feed's articles are part of this build.
        var pages = timer.Time("load", () => Load(config, state, content, diagnostics));
        var templates = timer.Time("templates", () => LoadTemplates(config, session, diagnostics));
        if (diagnostics.HasErrors)
        {
            // A broken template or config makes every page wrong; keep the last good site.
            state.Save();
            return Result(false, imported, 0, diagnostics, timer);
        }

        var katex = session.Katex(config);
        var highlighter = session.Highlighter(config);
        var (renderedBefore, cachedBefore) = (katex.RenderedCount, katex.CachedCount);
        var bodies = new StoredBodies(state, RenderSettingsKey(config));
        var pipeline = MarkdownPipelineFactory.CreateBuilder().UseKatexMath(katex).UseHighlighting(highlighter).Build();
        // Each body whose Markdown, and what it links to, are unchanged comes from the state.
        var rendered = timer.Time("render", () => new RenderMarkdown(pipeline, new KatexDocumentContext(), config.StaticDir).Run(pages, diagnostics, bodies));
        state.KeepOnly(pageKeys: null, bodies.Used);
        var facts = new Dictionary<RenderedPage, BodyFacts>(ReferenceEqualityComparer.Instance);
        foreach (var page in rendered)
        {
            facts[page] = bodies.Facts(page.Page);
        }

        var site = timer.Time("model", () => SiteModel.From(rendered, page => Listing(page, facts[page])));
        var formulas = (Rendered: katex.RenderedCount - renderedBefore, Cached: katex.CachedCount - cachedBefore);
        if (session.OneShot)
        {
            session.ReleaseKatex();
        }

        timer.Time("highlight-cache", highlighter.SaveCache);
        var related = timer.Time("related", () => Related(state, site));
        var plan = timer.Time("plan", () => new WriteSite(config, templates).Plan(site, related));
        var outputs = timer.Time("plan", () => Outputs(config, state, inputs, templates, site, facts, plan, highlighter, diagnostics));
        PublishResult published;
        try
        {
            published = Publish(config, state, inputs, templates, site, facts, outputs, diagnostics, timer);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is TemplateRenderException))
        {
            // One broken spot in a template fails many pages: report each spot once.
            foreach (var failure in e.InnerExceptions.Cast<TemplateRenderException>().Select(x => x.Diagnostic)
                         .DistinctBy(d => (d.File, d.Line, d.Column, d.Code)))
            {
                diagnostics.Add(failure);
            }

            state.Save();
            return Result(false, imported, 0, diagnostics, timer);
        }
        catch (TemplateRenderException e)
        {
            diagnostics.Add(e.Diagnostic);
            state.Save();
            return Result(false, imported, 0, diagnostics, timer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk, a permission, a file where the site folder should be: the previous site/ stays.
            diagnostics.Error("SG0701", config.OutputDir.Replace('\\', '/'), 0, 0, $"cannot write the site: {e.Message}");
            state.Save();
            return Result(false, imported, 0, diagnostics, timer);
        }

        timer.Time("state", state.Save);
        return Result(published.Succeeded, imported, plan.Count(f => f.IsHtml), diagnostics, timer) with
        {
            Formulas = formulas.Rendered + formulas.Cached,
            FormulasCached = formulas.Cached,
            PagesWritten = published.PagesWritten,
            FilesWritten = published.FilesWritten,
            FilesReused = published.FilesReused,
            Incremental = published.FilesReused > 0,
            ContentAfterImport = contentAfterImport,
        };
    }

    /// <summary>The folder in the cache that keeps the site before last, the next build's staging folder.</summary>
    internal const string SpareSiteFolder = "spare-site";

    private sealed record PublishResult(bool Succeeded, int PagesWritten, int FilesWritten, int FilesReused);

    /// <summary>
    /// Places every file (reused, or made and written), checks the links, and swaps the new site in only if the
    /// build succeeded and something differs; the state then records what <c>site/</c> holds.
    /// </summary>
    private static PublishResult Publish(SiteConfig config, BuildState state, SiteInputs inputs, TemplateSet templates, SiteModel site,
        IReadOnlyDictionary<RenderedPage, BodyFacts> facts, SiteOutputs outputs, DiagnosticBag diagnostics, StageTimer timer)
    {
        var current = timer.Time("scan", () => CurrentSite.Scan(config.OutputDir, state.Output));
        using var publish = new StagedPublish(config.OutputDir, current, state.Output, Path.Combine(config.CacheDir, SpareSiteFolder));
        timer.Time("write", () => publish.Files(outputs.Files));
        timer.Time("search", () => publish.Unit(outputs.Search));
        var changed = timer.Time("stage", publish.Complete);
        var checkDiagnostics = timer.Time("check", () => SiteChecks.Run(config, state.Output, site, facts, outputs.Files, publish));
        foreach (var diagnostic in checkDiagnostics.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var succeeded = !diagnostics.HasErrors && !(config.Strict && diagnostics.Count > 0);
        if (succeeded)
        {
            if (changed)
            {
                // Only a complete site replaces the old one.
                timer.Time("swap", publish.Commit);
            }

            var record = publish.Record(checkDiagnostics.Key, checkDiagnostics.Diagnostics);
            if (!record.SameAs(state.Output))
            {
                // A build that changed nothing leaves the state file as it was (at 10,000 pages it is ~100 MB).
                state.Output = record;
                state.Changed();
            }
        }

        return new PublishResult(succeeded, changed ? publish.PagesWritten : 0, changed ? publish.Written : 0, publish.Reused);
    }

    /// <summary>Every file of the site, keyed: pages, feeds, theme and KaTeX assets, and the search index as one unit.</summary>
    private sealed record SiteOutputs(IReadOnlyList<OutputEntry> Files, OutputUnit Search);

    private static SiteOutputs Outputs(SiteConfig config, BuildState state, SiteInputs inputs, TemplateSet templates, SiteModel site, IReadOnlyDictionary<RenderedPage, BodyFacts> facts,
        IReadOnlyList<SiteFile> plan, CodeHighlighter highlighter, DiagnosticBag diagnostics)
    {
        var files = new List<OutputEntry>(plan.Count + 64);
        foreach (var file in plan)
        {
            using var key = InputHash.Of("file").Add(templates.Fingerprint).Add(inputs.ConfigKey).Add(file.Key);
            files.Add(new OutputEntry(file.Path, key.Finish(), () => Utf8(file.Render()), file.IsHtml, file.Template));
        }

        foreach (var asset in templates.Assets)
        {
            files.Add(new OutputEntry(asset.Path, "asset:" + InputHash.OfBytes(asset.Bytes), () => asset.Bytes));
        }

        if (site.Articles.Any(a => a.Rendered.HasMath))
        {
            // Only KaTeX's CSS and WOFF2 fonts: the math is already HTML, no KaTeX script ships.
            var katexKey = "katex:" + KatexRenderer.KatexVersion;
            files.Add(new OutputEntry($"assets/katex/{KatexAssets.CssFileName}", katexKey, () => Utf8(KatexAssets.Css)));
            foreach (var font in KatexAssets.FontFileNames)
            {
                files.Add(new OutputEntry($"assets/katex/fonts/{font}", katexKey, () =>
                {
                    using var stream = KatexAssets.OpenFont(font);
                    using var bytes = new MemoryStream();
                    stream.CopyTo(bytes);
                    return bytes.ToArray();
                }));
            }
        }

        if (site.Articles.Any(a => a.Rendered.HasHighlight))
        {
            files.Add(new OutputEntry(PageModels.HighlightStylesheet, "highlight:" + System.Text.Json.JsonSerializer.Serialize(config.Highlight, ConfigJson.Default.HighlightConfig),
                () => Utf8(highlighter.Stylesheet())));
        }

        // Last, so that every generated file is there to collide with.
        files.AddRange(StaticFiles.Plan(config.StaticDir, files, diagnostics));
        var documents = SearchOrder(site.Articles)
            .Select(a =>
            {
                var body = facts[a.Rendered];
                return new Search.SearchDocument(a.Page.Url, a.Page.Title, "", a.Page.Tags)
                {
                    BlocksKey = body.HtmlHash, BlocksLength = body.SearchBlocks.Length, LoadBlocks = () => body.SearchBlocks.Value,
                };
            })
            .ToList();
        return new SiteOutputs(files, new OutputUnit("search", SearchKey(inputs, documents), (sink, keep) =>
        {
            var analyses = new StoredAnalyses(state);
            new Search.BuildSearchIndex(Search.SearchIndexOptions.For(config))
                .Run(documents, "", (path, bytes) => sink(path.Replace('\\', '/'), bytes), analyses, path => keep(path.Replace('\\', '/')));
            analyses.KeepOnlyUsed();
        }));
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// The order search documents are numbered in: oldest first by date, then feed, then line in the feed, so that what
    /// a later import brings (a newer date, a later feed, lines appended to a feed) takes the next ids, and the
    /// index merges only those (<see cref="Search.IndexSnapshot"/>). search.js breaks ties by the higher id: the newest
    /// first and, among pages of one day that no feed made, the site's order (by slug).
    /// </summary>
    private static IEnumerable<ArticleEntry> SearchOrder(IReadOnlyList<ArticleEntry> articles) =>
        articles
            .OrderBy(a => a.Page.Date ?? DateOnly.MinValue)
            .ThenBy(a => a.Page.Sources.Count > 0 ? a.Page.Sources[0].Feed : "", StringComparer.Ordinal)
            .ThenBy(a => a.Page.Sources.Count > 0 ? a.Page.Sources[0].Line : 0)
            .ThenByDescending(a => a.Page.Slug, StringComparer.Ordinal);

    /// <summary>
    /// What the search index is built from: the configuration, and each article's URL, title, tags and text blocks, these
    /// known by the hash of the body they were extracted from (under one SiteGen, the same HTML gives the same blocks).
    /// </summary>
    private static string SearchKey(SiteInputs inputs, IReadOnlyList<Search.SearchDocument> documents)
    {
        using var hash = InputHash.Of("search").Add(Search.BuildSearchIndex.FormatVersion).Add(inputs.ConfigKey);
        foreach (var doc in documents)
        {
            hash.Add(doc.Url).Add(doc.Title).Add(string.Join('\u001f', doc.Tags)).Add(doc.BlocksKey!);
        }

        return hash.Finish();
    }

    /// <summary>The listing facts of a page: from its description when it has one, else from its body's facts.</summary>
    private static ListingFacts Listing(RenderedPage page, BodyFacts facts) =>
        new(Excerpt.Of(page.Page.Description ?? page.Text, SiteModel.ExcerptLength),
            page.Page.Description is { } description
                ? new ExcerptHtmlResult(SiteGen.Publish.ExcerptHtml.Escape(Excerpt.Of(description, SiteModel.ExcerptLength)), false)
                : facts.ExcerptHtml,
            facts.ReadingMinutes);

    /// <summary>Related lists, computed again only when some article's URL, title, body or tags changed.</summary>
    private static IReadOnlyList<ArticleEntry>[] Related(BuildState state, SiteModel site)
    {
        using var hash = InputHash.Of("related").Add(PageModels.RelatedCount);
        foreach (var a in site.Articles)
        {
            hash.Add(a.Page.Url).Add(a.Page.Title).Add(a.Rendered.HtmlHash).Add(string.Join('\u001f', a.Page.Tags));
        }

        var key = hash.Finish();
        if (state.Related is { } known && known.Key == key)
        {
            var byUrl = site.Articles.ToDictionary(a => a.Page.Url, StringComparer.Ordinal);
            return site.Articles.Select(a => (IReadOnlyList<ArticleEntry>)known.ByUrl.GetValueOrDefault(a.Page.Url, []).Select(u => byUrl[u]).ToList()).ToArray();
        }

        var related = RelatedArticles.Compute(site.Articles, PageModels.RelatedCount);
        state.Related = new RelatedRecord(key, site.Articles.ToDictionary(a => a.Page.Url, a => related[a.Index].Select(r => r.Page.Url).ToArray(), StringComparer.Ordinal));
        state.Changed();
        return related;
    }

    /// <summary>Imports feeds, unless the feeds, the configuration and the content folder are exactly as the last import left them.</summary>
    private static (ImportResult Result, SiteInputs Content) Import(SiteConfig config, BuildState state, SiteInputs inputs, DiagnosticBag diagnostics, TimeProvider clock)
    {
        var key = inputs.ImportKey(config);
        if (state.Import is { } last && last.Key == key)
        {
            foreach (var diagnostic in last.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            var r = last.Result;
            return (r with { PagesCreated = 0, PagesUpdated = 0, PagesUnchanged = r.PagesCreated + r.PagesUpdated + r.PagesUnchanged }, inputs);
        }

        var local = new DiagnosticBag();
        var renders = new StoredRenders(state, inputs.Content);
        var result = ImportFeeds.Run(config, local, clock, renders);
        renders.KeepOnlyUsed();
        var found = local.Snapshot();
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        // Keyed by the content the import leaves, so the next build with the same inputs finds nothing to do.
        var after = inputs.WithContentOf(config);
        state.Import = local.HasErrors ? null : new ImportRecord(after.ImportKey(config), result, found);
        state.Changed();
        return (result, after);
    }

    /// <summary>Loads the pages, reusing each page whose file's bytes (and name) are unchanged.</summary>
    private static IReadOnlyList<Page> Load(SiteConfig config, BuildState state, SiteInputs inputs, DiagnosticBag diagnostics)
    {
        var loader = new LoadPages();
        var used = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var pages = loader.Run(config.ContentDir, diagnostics, (file, bag) =>
        {
            var hash = inputs.Content.GetValueOrDefault(file);
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
            var key = hash is null || hash == "unreadable" ? null : InputHash.Of("page").Add(shown).Add(hash).Finish();
            if (key is null || !state.Pages.TryGetValue(key, out var loaded))
            {
                var local = new DiagnosticBag();
                loaded = new LoadedPage(loader.LoadOne(file, local), local.Snapshot());
                if (key is not null)
                {
                    state.Pages[key] = loaded;
                    state.Changed();
                }
            }

            if (key is not null)
            {
                used[key] = 0;
            }

            foreach (var diagnostic in loaded.Diagnostics)
            {
                bag.Add(diagnostic);
            }

            return loaded.Page;
        });
        state.KeepOnly(used.Keys.ToHashSet(StringComparer.Ordinal), bodyKeys: null);
        return pages;
    }

    private static TemplateSet LoadTemplates(SiteConfig config, BuildSession session, DiagnosticBag diagnostics)
    {
        var templates = session.Templates(config, diagnostics);
        // The words depend on the configuration too (language, translations), so they are checked on every build.
        templates.Words(config.Language, config.Translations, config.ConfigFile, diagnostics);
        return templates;
    }

    /// <summary>
    /// Everything in the configuration a body's HTML depends on: KaTeX's options and macros, the highlight themes and
    /// the static folder (image sizes are checked as each body's dependencies).
    /// </summary>
    private static string RenderSettingsKey(SiteConfig config) => System.Text.Json.JsonSerializer.Serialize(
        new RenderSettings(config.KatexOptions, config.KatexMacros, config.Highlight, config.StaticDir), ConfigJson.Default.RenderSettings);

    private static BuildResult Result(bool succeeded, ImportResult imported, int pages, DiagnosticBag diagnostics, StageTimer timer) =>
        new(succeeded, imported.Feeds, imported.Entries, imported.Articles, pages,
            imported.ExactDuplicates, imported.NearDuplicates, Formulas: 0, FormulasCached: 0,
            diagnostics.Snapshot(), timer.Snapshot());
}
