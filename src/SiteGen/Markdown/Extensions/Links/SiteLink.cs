namespace SiteGen.Markdown.Extensions.Links;

/// <summary>How one URL written in Markdown is written into the page, and the image size found for it.</summary>
internal readonly record struct SiteLink(string Url, (int Width, int Height)? Size)
{
    /// <summary>
    /// Rewrites <paramref name="url"/>, written in <paramref name="at"/>'s page: root-relative URLs become relative
    /// to the page, relative links to <c>.md</c> files become the linked page's URL. Everything else (external URLs,
    /// <c>#anchors</c>, other relative paths) is left as written.
    /// </summary>
    public static SiteLink Rewrite(string url, Markdig.Syntax.Inlines.LinkInline at, PageRenderContext context)
    {
        var links = context.Links!;
        if (url.Length == 0 || url[0] == '#' || IsExternal(url))
        {
            return new SiteLink(url, null);
        }

        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        var suffix = end < 0 ? "" : url[end..];
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Decode(url[(hash + 1)..]);
        var page = context.Page;
        if (path.StartsWith('/'))
        {
            var root = RootFrom(page.Url);
            var rewritten = (root.Length == 0 ? "./" : root) + path[1..] + suffix;
            return new SiteLink(rewritten, at.IsImage ? StaticImageSize(links, context, Decode(path[1..])) : null);
        }

        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.Length == 3)
        {
            return new SiteLink(url, null);
        }

        var file = SiteLinkIndex.Resolve(page, Decode(path));
        var value = links.PageLinkValue(file, fragment);
        context.DependOn(new RenderDependency("page", file, fragment, value));
        if (links.PageAt(file) is not { } target)
        {
            context.Warning("SG0802", at,
                $"link '{url}' points to '{Shown(file)}', which is not a page of the site; check the file name (pages are the .md files of the content folder with front matter)");
            return new SiteLink(url, null);
        }

        if (fragment is not null && !target.Anchors.Contains(fragment))
        {
            var known = target.Anchors.Order(StringComparer.Ordinal).Take(8).ToList();
            context.Warning("SG0803", at,
                $"link '{url}' points to anchor '#{fragment}', which {target.Page.SourcePath} does not have; "
                + (known.Count == 0 ? "that page has no headings" : $"its headings have the ids {string.Join(", ", known)}"));
        }

        var query = end >= 0 && url[end] == '?' ? url[end..(hash < 0 ? url.Length : hash)] : "";
        var link = RootFrom(page.Url) + target.Page.Url + query + (hash < 0 ? "" : url[hash..]);
        return new SiteLink(link, null);
    }

    private static (int, int)? StaticImageSize(SiteLinkIndex links, PageRenderContext context, string sitePath)
    {
        if (links.StaticFile(sitePath) is not { } file)
        {
            return null;
        }

        var size = links.ImageSizeOf(file);
        context.DependOn(new RenderDependency("image", file, null, SiteLinkIndex.Format(size)));
        return size;
    }

    /// <summary>Relative prefix from a page at <paramref name="pageUrl"/> to the site root: <c>articles/x/</c> gives <c>../../</c>.</summary>
    private static string RootFrom(string pageUrl) => string.Concat(Enumerable.Repeat("../", pageUrl.Count(c => c == '/')));

    private static string Shown(string fullPath) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath).Replace('\\', '/');

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash) && char.IsAsciiLetter(url[0])
            && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }
}
