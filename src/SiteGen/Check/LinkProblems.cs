namespace SiteGen.Check;

/// <summary>What a link checker may ask of the site it checks: which files exist and which ids a page has.</summary>
public interface ISiteFiles
{
    /// <summary>True when the site has a file at <paramref name="path"/> (site-relative, '/'-separated).</summary>
    bool Exists(string path);

    /// <summary>Whether the HTML page at <paramref name="path"/> has an element with id <paramref name="id"/>; null when not known (not checked).</summary>
    bool? HasId(string path, string id);
}

/// <summary>
/// Why a link of a page does not resolve in its site, as a code and a message with the fix (SG0601–SG0604),
/// shared by the check of a built folder (<see cref="CheckLinks"/>) and the checks of a build
/// (<see cref="CheckWrittenLinks"/>).
/// </summary>
public static class LinkProblems
{
    public const string NotFoundPage = "404.html";

    /// <summary>The problem with <paramref name="link"/> on the page at <paramref name="pagePath"/>, or null when it resolves.</summary>
    public static (string Code, string Message)? Find(string basePath, string pagePath, string link, ISiteFiles site)
    {
        var target = LinkResolver.Resolve(pagePath, link, basePath);
        if (pagePath == NotFoundPage && link.Length > 0 && !link.StartsWith('#') && !link.StartsWith('/') && target.Kind != LinkKind.External)
        {
            // The server answers any missing URL with this page, so a relative link would resolve against that URL.
            return ("SG0604", $"link '{link}' is relative, but {NotFoundPage} is served at any URL; root it at the base path ('{basePath}…')");
        }

        return Find(target, link, basePath, site);
    }

    /// <summary>The problem with a link already resolved to <paramref name="target"/>, or null.</summary>
    public static (string Code, string Message)? Find(LinkTarget target, string link, string basePath, ISiteFiles site)
    {
        switch (target.Kind)
        {
            case LinkKind.External:
                return null;
            case LinkKind.OutsideBasePath:
                return ("SG0603", $"link '{link}' is outside the base path '{basePath}'; use a relative link or start it with '{basePath}'");
            case LinkKind.AboveRoot:
                return ("SG0603", $"link '{link}' climbs above the site folder; remove a '../'");
        }

        var path = target.Path;
        if (!site.Exists(path))
        {
            // "articles/x" without a slash still works: servers redirect a folder to its index.html.
            var folderIndex = path + "/index.html";
            if (!site.Exists(folderIndex))
            {
                return ("SG0601", $"link '{link}' points to '{path}', which is not in the site; check the path or the slug");
            }

            path = folderIndex;
        }

        if (string.IsNullOrEmpty(target.Fragment) || site.HasId(path, target.Fragment) is not false)
        {
            return null;
        }

        return ("SG0602", $"link '{link}' points to anchor '#{target.Fragment}', which '{path}' does not have; check the heading id");
    }
}
