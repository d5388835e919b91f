using SiteGen.Diagnostics;
using SiteGen.Markdown;

namespace SiteGen.Check;

/// <summary>
/// Checks the links of a build where they are written, without reading the pages back: a page's own links
/// come from its Markdown syntax tree, so a broken one is reported at <c>content/x.md(line,col)</c>, where the
/// author fixes it; what a template emits is checked once per template, on one page it wrote. Both resolve
/// against the files the build writes (<see cref="ISiteFiles"/>), with the codes of <see cref="LinkProblems"/>.
/// </summary>
public sealed class CheckWrittenLinks(string basePath, ISiteFiles site)
{
    /// <summary>
    /// Checks the links of one page's Markdown, written on the page at <paramref name="pagePath"/>. Links by file
    /// (<c>x.md</c>) are left out: the Markdown stage resolves and reports them (SG0802, SG0803).
    /// </summary>
    public int Body(string pagePath, IReadOnlyList<BodyLink> links, DiagnosticBag diagnostics)
    {
        var broken = 0;
        foreach (var link in links)
        {
            if (IsLinkByFile(link.Url))
            {
                continue;
            }

            // Root-relative links in Markdown mean the site's root, and are written relative to the page.
            var target = link.Url.StartsWith('/') && !link.Url.StartsWith("//", StringComparison.Ordinal)
                ? LinkResolver.Resolve("", link.Url[1..], basePath)
                : LinkResolver.Resolve(pagePath, link.Url, basePath);
            if (LinkProblems.Find(target, link.Url, basePath, site) is { } problem)
            {
                broken++;
                diagnostics.Warning(problem.Code, link.File, link.Line, link.Column, problem.Message);
            }
        }

        return broken;
    }

    /// <summary>
    /// Checks what <paramref name="template"/> emitted on the page at <paramref name="pagePath"/>: every link of
    /// <paramref name="page"/> except one occurrence of each link of its body (<paramref name="bodyLinks"/>, checked where written).
    /// </summary>
    public int Template(string pagePath, string displayFile, string template, ParsedPage page, IEnumerable<string> bodyLinks, DiagnosticBag diagnostics)
    {
        var fromBody = bodyLinks.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var broken = 0;
        foreach (var link in page.Links)
        {
            if (fromBody.TryGetValue(link.Value, out var left) && left > 0)
            {
                fromBody[link.Value] = left - 1;
                continue;
            }

            if (LinkProblems.Find(basePath, pagePath, link.Value, site) is { } problem)
            {
                broken++;
                diagnostics.Warning(problem.Code, displayFile, link.Line, link.Column, $"{problem.Message} (written by the template {template}, so every such page has it)");
            }
        }

        return broken;
    }

    private static bool IsLinkByFile(string url)
    {
        var end = url.IndexOfAny(['#', '?']);
        var path = end < 0 ? url : url[..end];
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.Contains(':', StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal);
    }
}
