using System.Collections.Concurrent;
using SiteGen.Content;

namespace SiteGen.Markdown.Extensions.Links;

/// <summary>
/// What links in Markdown may point to: every page of the build by its source file (so <c>other.md#section</c>
/// becomes that page's URL and a missing file or anchor is caught at the link), and the static folder (so an image
/// from it gets its size). Built once per build from all pages before any is rendered; thread-safe.
/// </summary>
public sealed class SiteLinkIndex
{
    private readonly Dictionary<string, (Page Page, IReadOnlySet<string> Anchors)> _pages = new(StringComparer.Ordinal);
    private readonly string? _staticDir;
    private readonly ConcurrentDictionary<string, (int Width, int Height)?> _imageSizes = new(StringComparer.Ordinal);

    /// <param name="pages">Each page of the build and the ids of its headings.</param>
    /// <param name="staticDir">The folder copied to the site root, or null.</param>
    public SiteLinkIndex(IEnumerable<(Page Page, IReadOnlySet<string> Anchors)> pages, string? staticDir)
    {
        foreach (var entry in pages)
        {
            _pages[FullPath(entry.Page.SourcePath)] = entry;
        }

        _staticDir = staticDir is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(staticDir));
    }

    /// <summary>The page whose source file is <paramref name="fullPath"/>, if it is part of the build.</summary>
    internal (Page Page, IReadOnlySet<string> Anchors)? PageAt(string fullPath) =>
        _pages.TryGetValue(fullPath, out var entry) ? entry : null;

    /// <summary>The Markdown file a relative link written in <paramref name="from"/> names, as a full path.</summary>
    internal static string Resolve(Page from, string decodedPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath(from.SourcePath))!, decodedPath));

    /// <summary>The static file a root-relative URL path names (decoded, without the leading '/'), if it stays inside the folder.</summary>
    internal string? StaticFile(string sitePath)
    {
        if (_staticDir is null || sitePath.Length == 0)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_staticDir, sitePath));
        return full.StartsWith(_staticDir + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The pixel size of the image at <paramref name="fullPath"/>, or null when it is missing or its size cannot be read.</summary>
    internal (int Width, int Height)? ImageSizeOf(string fullPath) => _imageSizes.GetOrAdd(fullPath, ImageSize.Read);

    /// <summary>An image size as a dependency's value: <c>WxH</c>, or "" for none.</summary>
    internal static string Format((int Width, int Height)? size) => size is { } s ? $"{s.Width}x{s.Height}" : "";

    /// <summary>What <paramref name="dependency"/> is in this build; equal to its <see cref="RenderDependency.Value"/> while it still holds.</summary>
    public string Current(RenderDependency dependency) => dependency.Kind switch
    {
        "page" => PageLinkValue(dependency.Target, dependency.Fragment),
        "image" => Format(ImageSizeOf(dependency.Target)),
        _ => "",
    };

    /// <summary>True when every fact a rendering used is unchanged, so it can be reused.</summary>
    public bool StillHolds(IReadOnlyList<RenderDependency> dependencies) =>
        dependencies.All(d => Current(d) == d.Value);

    /// <summary>A page link's outcome: the target's URL and whether it has the anchor, or <c>missing</c>.</summary>
    internal string PageLinkValue(string fullPath, string? fragment) =>
        PageAt(fullPath) is not { } target ? "missing"
        : fragment is null || target.Anchors.Contains(fragment) ? target.Page.Url
        : target.Page.Url + "#missing";

    internal static string FullPath(string sourcePath) => Path.GetFullPath(sourcePath);
}
