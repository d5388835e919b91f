namespace SiteGen.Common;

/// <summary>Every file below a folder (hidden ones too), with its '/'-separated relative path, length and write time.</summary>
internal static class FolderFiles
{
    private static readonly EnumerationOptions All = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>Nothing when <paramref name="root"/> does not exist.</summary>
    public static IEnumerable<(string Path, long Length, long Ticks)> Stats(string root) =>
        Directory.Exists(root)
            ? new DirectoryInfo(root).EnumerateFiles("*", All)
                .Select(f => (Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc.Ticks))
            : [];
}
