namespace SiteGen.Deploy;

/// <summary>
/// Absolute paths with every symbolic link resolved, so two names for one folder compare equal: a deploy
/// must not mirror a folder into itself however it is spelt.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>Paths compare case-insensitively where the file system usually does (Windows, macOS).</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real path of <paramref name="path"/>; parts that do not exist yet are kept as written.</summary>
    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies below it (both real paths).</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        var a = inner.TrimEnd(Path.DirectorySeparatorChar);
        var b = outer.TrimEnd(Path.DirectorySeparatorChar);
        return string.Equals(a, b, Comparison)
            || a.StartsWith(b + Path.DirectorySeparatorChar, Comparison)
            || (b.Length == 0 && a.Length > 0);
    }

    private static string Resolve(string full, int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var target = new FileInfo(current).LinkTarget;
            if (target is null)
            {
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links at '{current}'");
            }

            // A relative link target is relative to the folder holding the link.
            current = Resolve(Path.GetFullPath(target, Path.GetDirectoryName(current)!), links);
        }

        return current;
    }
}
