namespace SiteGen.Check;

/// <summary>How a reference resolved: a file of the site (site-relative, '/'-separated) and an optional anchor.</summary>
public sealed record LinkTarget(LinkKind Kind, string Path, string? Fragment);

/// <summary>What kind of reference a link is.</summary>
public enum LinkKind
{
    /// <summary>Another scheme or host (http:, mailto:, data:, //host): not checked.</summary>
    External,

    /// <summary>A file of the site, given by <see cref="LinkTarget.Path"/>.</summary>
    Internal,

    /// <summary>A root-relative link outside the site's base path.</summary>
    OutsideBasePath,

    /// <summary>A relative link climbing above the site folder.</summary>
    AboveRoot,
}

/// <summary>
/// Resolves a link the way a browser and a static server would: relative to the page's folder (or to the
/// base path when it starts with '/'), percent-decoded, '.' and '..' applied, a folder meaning its index.html.
/// </summary>
public static class LinkResolver
{
    public static LinkTarget Resolve(string pagePath, string link, string basePath)
    {
        if (IsExternal(link))
        {
            return new LinkTarget(LinkKind.External, "", null);
        }

        var hash = link.IndexOf('#');
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
        var path = hash < 0 ? link : link[..hash];
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.Length == 0)
        {
            return new LinkTarget(LinkKind.Internal, pagePath, fragment);
        }

        string combined;
        if (path.StartsWith('/'))
        {
            if (!(path + "/").StartsWith(basePath, StringComparison.Ordinal) && path != basePath.TrimEnd('/'))
            {
                return new LinkTarget(LinkKind.OutsideBasePath, path, fragment);
            }

            combined = path.Length >= basePath.Length ? path[basePath.Length..] : "";
        }
        else
        {
            var slash = pagePath.LastIndexOf('/');
            combined = (slash < 0 ? "" : pagePath[..(slash + 1)]) + path;
        }

        var parts = combined.Split('/');
        // "x/", "." and ".." name folders, which a static server answers with their index.html.
        var isFolder = parts[^1] is "" or "." or "..";
        var segments = new List<string>();
        foreach (var part in parts)
        {
            var segment = Uri.UnescapeDataString(part);
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return new LinkTarget(LinkKind.AboveRoot, path, fragment);
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        if (isFolder)
        {
            segments.Add("index.html");
        }

        var resolved = string.Join('/', segments);
        return new LinkTarget(LinkKind.Internal, resolved, fragment);
    }

    private static bool IsExternal(string link)
    {
        if (link.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = link.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var scheme = link[..colon];
        return char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }
}
