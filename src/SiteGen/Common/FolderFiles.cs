using System.IO.Enumeration;

namespace SiteGen.Common;

/// <summary>A file below a walked folder: its '/'-separated relative path, length and last write time (UTC ticks).</summary>
/// <remarks>
/// A class, not a tuple or a struct: the framework's generic code (lists, sorting, the walk's enumerator) is precompiled
/// once for all reference types, but must be JIT-compiled in every process for each value type; over
/// <c>(string, long, long)</c> that was some 300 methods of every rebuild.
/// </remarks>
public sealed record FileStat(string Path, long Length, long Ticks);

/// <summary>Every file below a folder (hidden ones too), with its '/'-separated relative path, length and write time.</summary>
internal static class FolderFiles
{
    private static readonly EnumerationOptions All = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
    private static readonly EnumerationOptions TopOnly = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>Nothing when <paramref name="root"/> does not exist.</summary>
    /// <remarks>
    /// Read from the enumeration's own entries, without a <see cref="FileInfo"/> and a full path per file: the site folder is
    /// walked twice a build (20,000+ files at 10,000 pages), and the same values came through <see cref="DirectoryInfo"/> at twice the cost.
    /// </remarks>
    public static IReadOnlyList<FileStat> Stats(string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(full))
        {
            return [];
        }

        // The folders below the root are walked on all cores (a stat per file is most of a walk), the root's own files here.
        var rootLength = full.Length;
        var files = new List<FileStat>();
        var folders = new List<string>();
        foreach (var entry in new FileSystemEnumerable<TopEntry>(full,
                     (ref FileSystemEntry e) => e.IsDirectory
                         ? new TopEntry(e.ToFullPath(), null)
                         : new TopEntry(null, new FileStat(Relative(e.Directory, e.FileName, rootLength), e.Length, e.LastWriteTimeUtc.UtcTicks)),
                     TopOnly))
        {
            if (entry.Folder is { } folder)
            {
                folders.Add(folder);
            }
            else
            {
                files.Add(entry.File!);
            }
        }

        var below = new List<FileStat>[folders.Count];
        Parallel.For(0, folders.Count, i => below[i] = Walk(folders[i], rootLength).ToList());
        foreach (var part in below)
        {
            files.AddRange(part);
        }

        return files;
    }

    /// <summary>The same as <see cref="Stats"/>, read on the calling thread alone: for a thread that must not wait for the thread pool.</summary>
    public static IReadOnlyList<FileStat> StatsOnThisThread(string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return Directory.Exists(full) ? Walk(full, full.Length).ToList() : [];
    }

    private static FileSystemEnumerable<FileStat> Walk(string folder, int rootLength) =>
        new(folder, (ref FileSystemEntry e) => new FileStat(Relative(e.Directory, e.FileName, rootLength), e.Length, e.LastWriteTimeUtc.UtcTicks), All)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
        };

    private static string Relative(ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName, int rootLength)
    {
        var below = directory[rootLength..].TrimStart(Path.DirectorySeparatorChar);
        var path = below.IsEmpty ? fileName.ToString() : string.Concat(below, "/", fileName);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>A folder to walk (its full path), or a file of the root itself.</summary>
    private sealed record TopEntry(string? Folder, FileStat? File);
}
