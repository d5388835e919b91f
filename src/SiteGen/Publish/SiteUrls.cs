using System.Text;
using SiteGen.Config;

namespace SiteGen.Publish;

/// <summary>
/// The site's URL policy in one place: every page is a folder with <c>index.html</c>, site-relative URLs
/// end in '/', links inside pages are relative (so any base path and <c>file://</c> work), and only
/// canonical links, feeds and the sitemap use the absolute base URL.
/// </summary>
public sealed class SiteUrls(SiteConfig config)
{
    /// <summary>Relative prefix from a page at <paramref name="pageUrl"/> to the site root, e.g. <c>../../</c>.</summary>
    public static string RootFrom(string pageUrl) =>
        // "articles/x/" is two folders deep; a file such as "404.html" sits at the root.
        string.Concat(Enumerable.Repeat("../", pageUrl.Count(c => c == '/')));

    /// <summary>Link from the page at <paramref name="fromUrl"/> to <paramref name="toUrl"/>, both site-relative.</summary>
    public static string Link(string fromUrl, string toUrl) => RootFrom(fromUrl) + Encode(toUrl);

    /// <summary>Absolute URL for canonical links, the sitemap and feeds.</summary>
    public string Absolute(string siteUrl)
    {
        var baseUrl = config.BaseUrl;
        return baseUrl + Encode(siteUrl);
    }

    /// <summary>Percent-encodes each path segment (tags may be Chinese) and leaves the slashes.</summary>
    public static string Encode(string siteUrl)
    {
        var result = new StringBuilder(siteUrl.Length);
        var segments = siteUrl.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                result.Append('/');
            }

            var (path, fragment) = SplitFragment(segments[i]);
            result.Append(Uri.EscapeDataString(path));
            if (fragment is not null)
            {
                result.Append('#').Append(Uri.EscapeDataString(fragment));
            }
        }

        return result.ToString();
    }

    /// <summary>Folder name for a tag: its text with characters unsafe in paths replaced.</summary>
    public static string TagSlug(string tag)
    {
        var slug = new StringBuilder(tag.Length);
        foreach (var c in tag.Trim().ToLowerInvariant())
        {
            slug.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var text = slug.ToString().Trim('-');
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        return text.Length == 0 ? "tag" : text;
    }

    public static string TagUrl(string tag) => $"tags/{TagSlug(tag)}/";

    private static (string Path, string? Fragment) SplitFragment(string segment)
    {
        var hash = segment.IndexOf('#');
        return hash < 0 ? (segment, null) : (segment[..hash], segment[(hash + 1)..]);
    }
}
