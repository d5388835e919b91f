using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>One file of the theme a build uses, from the site's <c>templates/</c> or from the embedded theme.</summary>
/// <param name="Path">Relative to the theme root, '/' separated: <c>layouts/base.sbn-html</c>, <c>assets/site.css</c>.</param>
/// <param name="DisplayPath">How diagnostics name it: <c>templates/pages/tag.sbn-html</c>, or <c>theme:pages/tag.sbn-html</c> when embedded.</param>
public sealed record ThemeFile(string Path, string DisplayPath, byte[] Bytes, bool FromSite);

/// <summary>
/// The site's <c>templates/</c> laid over the embedded theme, file by file (Hugo's and Zola's theme override):
/// a site file replaces the embedded file at the same relative path; every other file comes from the tool.
/// </summary>
internal static class ThemeFiles
{
    public const string EmbeddedPrefix = "theme:";

    public static IReadOnlyList<ThemeFile> Load(string templatesDir, bool folderRequired, DiagnosticBag diagnostics)
    {
        var files = EmbeddedTheme.Files.ToDictionary(
            p => p, p => new ThemeFile(p, EmbeddedPrefix + p, EmbeddedTheme.ReadAllBytes(p), FromSite: false), StringComparer.Ordinal);
        var root = System.IO.Path.GetFullPath(templatesDir);
        if (!Directory.Exists(root))
        {
            if (folderRequired)
            {
                diagnostics.Error("SG0401", templatesDir, 0, 0,
                    "templates folder not found; check --templates, or leave it out to use the theme built into SiteGen");
            }

            return Sorted(files);
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.') || part == "node_modules"))
            {
                continue;
            }

            var display = DisplayPath(file);
            if (relative.EndsWith(".hbs", StringComparison.Ordinal))
            {
                diagnostics.Warning("SG0410", display, 0, 0,
                    "Handlebars templates are no longer read; port it to Scriban (.sbn-html) at the same place in the theme (see docs/theme.md)");
                continue;
            }

            var bytes = ReadInside(root, file, display, diagnostics);
            if (bytes is not null)
            {
                files[relative] = new ThemeFile(relative, display, bytes, FromSite: true);
            }
        }

        return Sorted(files);
    }

    private static List<ThemeFile> Sorted(Dictionary<string, ThemeFile> files) =>
        files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>The loader never reads outside the templates folder, even through a symbolic link.</summary>
    private static byte[]? ReadInside(string root, string file, string display, DiagnosticBag diagnostics)
    {
        var resolved = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(file);
        if (!resolved.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diagnostics.Error("SG0403", display, 0, 0, $"template resolves to '{resolved}', outside the templates folder; copy it in instead of linking");
            return null;
        }

        return File.ReadAllBytes(resolved);
    }

    private static string DisplayPath(string file) =>
        System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
}
