using System.Text;
using SiteGen.Check;
using SiteGen.Common;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Publish;

namespace SiteGen.Build;

/// <summary>
/// The link check of a build, from what the build knows rather than from the pages it wrote: every page's
/// Markdown links (from its syntax tree) against the files of the new site and the ids of its pages (from each
/// body's one parse), and what each template emits on one page it wrote (parsed once, the result kept while
/// the site's bytes are unchanged).
/// </summary>
internal static class SiteChecks
{
    /// <summary>The check's diagnostics; <c>Key</c> and <c>Templates</c> are what the next build may reuse.</summary>
    public sealed record Outcome(string Key, IReadOnlyList<Diagnostic> Templates, IReadOnlyList<Diagnostic> Diagnostics);

    public static Outcome Run(SiteConfig config, OutputRecord? last, SiteModel site, IReadOnlyDictionary<RenderedPage, BodyFacts> facts,
        IReadOnlyList<OutputEntry> files, StagedPublish publish)
    {
        var paths = publish.Paths.ToHashSet(StringComparer.Ordinal);
        var articles = site.Articles.ToDictionary(a => Index(a.Page.Url), StringComparer.Ordinal);
        // Pages are parsed only when needed: for an anchor a body does not have, or when the site's bytes changed.
        var samples = new Lazy<Dictionary<string, (string Path, ParsedPage Page)>>(() => Samples(files, publish));
        var articleTemplateIds = new Lazy<HashSet<string>>(() =>
            samples.Value.GetValueOrDefault("article") is { Path: not null } sample && articles.TryGetValue(sample.Path, out var sampled)
                ? sample.Page.Ids.Except(facts[sampled.Rendered].Ids).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal));
        var kindOf = files.Where(f => f.Template is not null).ToDictionary(f => f.Path, f => f.Template!, StringComparer.Ordinal);
        var siteFiles = new BuiltSite(paths, (path, id) =>
            articles.TryGetValue(path, out var article) ? facts[article.Rendered].Ids.Contains(id) || articleTemplateIds.Value.Contains(id)
            : kindOf.TryGetValue(path, out var kind) && samples.Value.TryGetValue(kind, out var s) ? s.Page.Ids.Contains(id)
            : null);
        var check = new CheckWrittenLinks(config.BasePath, siteFiles);

        var diagnostics = new DiagnosticBag();
        Parallel.ForEach(site.Articles, a => check.Body(Index(a.Page.Url), a.Rendered.Links, diagnostics));

        var key = Key(publish);
        IReadOnlyList<Diagnostic> templates;
        if (last is not null && last.CheckKey == key)
        {
            templates = last.CheckDiagnostics;
        }
        else
        {
            var local = new DiagnosticBag();
            foreach (var (kind, (path, page)) in samples.Value)
            {
                var bodyLinks = articles.TryGetValue(path, out var article) ? ParsedPage.Parse(article.Rendered.Html).Links.Select(l => l.Value) : [];
                var shown = (config.OutputDir.TrimEnd('/', '\\') + "/" + path).Replace('\\', '/');
                check.Template(path, shown, TemplateName(kind), page, bodyLinks, local);
            }

            templates = local.Snapshot();
        }

        foreach (var diagnostic in templates)
        {
            diagnostics.Add(diagnostic);
        }

        return new Outcome(key, templates, diagnostics.Snapshot());
    }

    /// <summary>
    /// One page per template, parsed: the second page of its kind when there is one (it has neighbours on both
    /// sides more often than the first), else the first.
    /// </summary>
    private static Dictionary<string, (string Path, ParsedPage Page)> Samples(IReadOnlyList<OutputEntry> files, StagedPublish publish) =>
        files.Where(f => f.Template is not null)
            .GroupBy(f => f.Template!, StringComparer.Ordinal)
            .Select(g => g.Skip(1).FirstOrDefault() ?? g.First())
            .ToDictionary(f => f.Template!, f => (f.Path, ParsedPage.Parse(Encoding.UTF8.GetString(publish.Read(f.Path)))), StringComparer.Ordinal);

    private static string TemplateName(string kind) => $"pages/{kind}.sbn-html";

    /// <summary>The identity of the new site's bytes: equal keys, equal template checks.</summary>
    private static string Key(StagedPublish publish)
    {
        using var hash = InputHash.Of("check");
        var (paths, values) = OrdinalSort.ByKey(publish.Hashes);
        for (var i = 0; i < paths.Length; i++)
        {
            hash.Add(paths[i]).Add(values[i]);
        }

        return hash.Finish();
    }

    private static string Index(string url) => url.EndsWith('/') || url.Length == 0 ? url + "index.html" : url;

    private sealed class BuiltSite(HashSet<string> paths, Func<string, string, bool?> hasId) : ISiteFiles
    {
        public bool Exists(string path) => paths.Contains(path);

        public bool? HasId(string path, string id) => hasId(path, id);
    }
}
