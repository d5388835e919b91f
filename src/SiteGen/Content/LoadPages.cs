using System.Text.RegularExpressions;
using SiteGen.Common;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// Reads every <c>*.md</c> in the content folder into <see cref="Page"/>s. A bad page is a warning and
/// is left out of the site; it never stops the others.
/// </summary>
public sealed partial class LoadPages
{
    public IReadOnlyList<Page> Run(string contentDir, DiagnosticBag diagnostics) => Run(contentDir, diagnostics, LoadOne);

    /// <summary>Loads every page with <paramref name="loadOne"/>, which the live preview backs with a cache.</summary>
    public IReadOnlyList<Page> Run(string contentDir, DiagnosticBag diagnostics, Func<string, DiagnosticBag, Page?> loadOne)
    {
        if (!Directory.Exists(contentDir))
        {
            return [];
        }

        // A folder the user cannot read is skipped, not a crash (hidden files stay included, as before).
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = Directory.EnumerateFiles(contentDir, "*.md", options)
            .Order(StringComparer.Ordinal)
            .ToList();
        var pages = new Page?[files.Count];
        Parallel.For(0, files.Count, i => pages[i] = loadOne(files[i], diagnostics));
        return RejectDuplicateSlugs(pages.OfType<Page>().ToList(), diagnostics);
    }

    /// <summary>Parses one file; public for the live preview, which reloads a single page.</summary>
    public Page? LoadOne(string file, DiagnosticBag diagnostics)
    {
        var path = Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
        string text;
        try
        {
            text = Utf8Text.Decode(File.ReadAllBytes(file), out var bad);
            if (bad is { } at)
            {
                diagnostics.Warning("SG0209", path, at.Line, at.Column,
                    "invalid UTF-8; the bad bytes are shown as U+FFFD. Re-save the page as UTF-8");
            }

            text = Utf8Text.ReplaceNoncharacters(text, out var nonchar);
            if (nonchar is { } where)
            {
                diagnostics.Warning("SG0211", path, where.Line, where.Column,
                    "noncharacter (such as U+FFFE) replaced by U+FFFD; it is not text and breaks Unicode normalization. Remove it");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning("SG0206", path, 0, 0, $"cannot read page: {e.Message}; the page is left out of the site");
            return null;
        }

        SplitPage? split;
        try
        {
            split = FrontMatterSplitter.Split(text);
        }
        catch (FormatException e)
        {
            diagnostics.Warning("SG0201", path, 1, 1, e.Message);
            return null;
        }

        if (split is null)
        {
            diagnostics.Warning("SG0202", path, 1, 1, "couldn't find front matter; did you forget to start the file with '---'?");
            return null;
        }

        var front = new FrontMatterReader(path, diagnostics).Read(split.Yaml, split.YamlLine);
        if (front is null)
        {
            return null;
        }

        var fallbackSlug = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        var slug = front.Slug ?? fallbackSlug;
        if (!SlugPattern().IsMatch(slug))
        {
            diagnostics.Warning("SG0204", path, front.SlugLine, 1,
                $"slug '{slug}' is not URL-safe; use lower-case letters, digits and '-' (using '{fallbackSlug}')");
            slug = fallbackSlug;
        }

        var title = front.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Warning("SG0203", path, split.YamlLine, 1, "page has no 'title'; add one to the front matter (using the slug)");
            title = slug;
        }

        return new Page(path, front.Id ?? slug, title, slug, front.Date, front.Tags, front.Sources,
            front.Truncated, front.Description, split.Body, split.BodyLine, front.Link, front.Author);
    }

    private static List<Page> RejectDuplicateSlugs(List<Page> pages, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<Page>(pages.Count);
        foreach (var page in pages)
        {
            if (seen.TryGetValue(page.Slug, out var first))
            {
                diagnostics.Warning("SG0205", page.SourcePath, 1, 1,
                    $"slug '{page.Slug}' is already used by {first.SourcePath}; give this page another slug");
                continue;
            }

            seen[page.Slug] = page;
            kept.Add(page);
        }

        return kept;
    }

    [GeneratedRegex("^[a-z0-9\\p{L}][a-z0-9\\p{L}\\p{N}-]*$")]
    private static partial Regex SlugPattern();
}
