using System.Collections.Concurrent;
using SiteGen.Diagnostics;

namespace SiteGen.Check;

/// <summary>Counts of what <see cref="CheckLinks"/> looked at and found.</summary>
public sealed record CheckLinksResult(int Pages, int Links, int Broken);

/// <summary>
/// Verifies that every internal link, asset and <c>#anchor</c> of a built site resolves to a file (and an
/// element id) of that site, reporting each broken one at its source page and line as a warning (SG06xx).
/// External links are not fetched.
/// </summary>
/// <param name="basePath">The site's base path, e.g. <c>/docs/</c>: root-relative links must start with it.</param>
public sealed class CheckLinks(string basePath)
{
    public const string NotFoundPage = LinkProblems.NotFoundPage;

    /// <summary>Checks the site in <paramref name="siteDir"/>; diagnostics name files as <paramref name="displayDir"/>/page.</summary>
    public CheckLinksResult Run(string siteDir, string displayDir, DiagnosticBag diagnostics) =>
        Run(siteDir, displayDir, diagnostics, onlyPages: null);

    /// <summary>
    /// Checks only <paramref name="onlyPages"/> (site-relative paths) when given, as a live rebuild does for the
    /// pages it wrote; pages they link to with an anchor are read on demand.
    /// </summary>
    public CheckLinksResult Run(string siteDir, string displayDir, DiagnosticBag diagnostics, IReadOnlyCollection<string>? onlyPages)
    {
        var root = Path.GetFullPath(siteDir);
        if (!Directory.Exists(root))
        {
            diagnostics.Error("SG0600", displayDir, 0, 0, "site folder not found; build the site first or pass --out DIR");
            return new CheckLinksResult(0, 0, 0);
        }

        var pages = new ConcurrentDictionary<string, ParsedPage>(StringComparer.Ordinal);
        var files = onlyPages?.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Select(p => Path.Combine(root, p))
            ?? Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories);
        Parallel.ForEach(files, file =>
            pages[SitePath(root, file)] = ParsedPage.Parse(File.ReadAllText(file)));
        var checkedPages = pages.ToArray();
        ParsedPage? Lookup(string path) =>
            pages.TryGetValue(path, out var page) ? page
            : onlyPages is null || !File.Exists(Path.Combine(root, path)) ? null
            : pages.GetOrAdd(path, p => ParsedPage.Parse(File.ReadAllText(Path.Combine(root, p))));

        var folder = new Folder(root, Lookup);
        var links = 0;
        var broken = 0;
        Parallel.ForEach(checkedPages, entry =>
        {
            var display = (displayDir.TrimEnd('/', '\\') + "/" + entry.Key).Replace('\\', '/');
            foreach (var link in entry.Value.Links)
            {
                Interlocked.Increment(ref links);
                var problem = LinkProblems.Find(basePath, entry.Key, link.Value, folder);
                if (problem is not null)
                {
                    Interlocked.Increment(ref broken);
                    diagnostics.Warning(problem.Value.Code, display, link.Line, link.Column, problem.Value.Message);
                }
            }
        });

        return new CheckLinksResult(checkedPages.Length, links, broken);
    }

    /// <summary>The built folder seen through <see cref="ISiteFiles"/>: files on disk, ids of the pages parsed on demand.</summary>
    private sealed class Folder(string root, Func<string, ParsedPage?> pages) : ISiteFiles
    {
        public bool Exists(string path) => File.Exists(Path.Combine(root, path));

        public bool? HasId(string path, string id) => pages(path)?.Ids.Contains(id);
    }

    private static string SitePath(string root, string file) =>
        Path.GetRelativePath(root, file).Replace('\\', '/');
}
