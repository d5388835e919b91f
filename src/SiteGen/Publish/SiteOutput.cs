using SiteGen.Common;

namespace SiteGen.Publish;

/// <summary>
/// A build writes into a sibling folder (fresh, or the site before last kept as a spare) and swaps it in only on success, so a failed build never
/// leaves a half-written site and readers of the old one are not disturbed while it is written. The swap is
/// one atomic exchange of the two folders where the system has one (<see cref="FolderSwap"/>), so at every
/// moment <c>site/</c> is the old complete site or the new one. A killed build leaves its staging folder
/// (or, after the swap, the old site under the staging name); the next build deletes it
/// (<c>Build/Leftovers</c>), which is why the names below are a contract.
/// </summary>
public sealed class SiteOutput : ISiteWriter, IDisposable
{
    /// <summary>Infixes of the sibling folders a build creates: <c>site.staging-&lt;pid&gt;-&lt;guid&gt;</c>, <c>site.old-…</c>.</summary>
    public const string StagingInfix = ".staging-";

    public const string OldInfix = ".old-";

    private readonly string _target;
    private readonly SpareSite? _spare;

    /// <summary>Files the spare folder brought that this build has not yet kept or replaced: length and write time.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, long Ticks)> _stale = new(StringComparer.Ordinal);
    /// <summary>Files of the staging folder that are not the old site's file (written, or copied where links are not possible).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _fresh = new(StringComparer.Ordinal);
    private bool _reusedSpare;
    private bool _committed;
    private int _written;

    /// <param name="spareDir">
    /// Where the site before last is kept between builds (in the cache folder). When it is there, it becomes the
    /// staging folder: a file it already shares with the site (a hard link: same length and write time) stays, any
    /// other is replaced, and what the new site lacks is removed, so a build touches only what changed instead of
    /// linking every file of the site again and deleting the old tree after the swap.
    /// </param>
    public SiteOutput(string outputDir, string? spareDir = null)
        : this(outputDir, spareDir is null ? null : new SpareSite(spareDir))
    {
    }

    /// <param name="spare">The site before last, its files already being read (see <see cref="SpareSite"/>).</param>
    public SiteOutput(string outputDir, SpareSite? spare)
    {
        _target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        _spare = spare;
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        StagingDir = $"{_target}{StagingInfix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        if (!TryReuseSpare())
        {
            Directory.CreateDirectory(StagingDir);
        }
    }

    /// <summary>Where this build writes; becomes the output folder on <see cref="Commit"/>.</summary>
    public string StagingDir { get; }

    /// <summary>Writes a file below the staging folder, creating folders as needed.</summary>
    public void Write(string relativePath, string content)
    {
        Place(relativePath, default, (path, _) => File.WriteAllText(path, content));
        _fresh[relativePath] = 0;
        Written();
    }

    /// <summary>Writes <paramref name="bytes"/> as a file below the staging folder.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        Place(relativePath, bytes, static (path, content) =>
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            file.Write(content);
        });
        _fresh[relativePath] = 0;
        Written();
    }

    /// <summary>Puts <paramref name="existingFile"/> (a file of the old site) unchanged at <paramref name="relativePath"/>: a hard link, else a copy.</summary>
    public void Link(string relativePath, string existingFile) => Link(relativePath, existingFile, null);

    /// <param name="existingStat">The existing file's length and write time: a spare's file with the same (its hard link) stays as it is.</param>
    public void Link(string relativePath, string existingFile, (long Length, long Ticks)? existingStat)
    {
        if (existingStat is { } stat && _stale.TryGetValue(relativePath, out var spare) && spare == stat && _stale.TryRemove(relativePath, out _))
        {
            return;
        }

        Place(relativePath, default, (path, _) =>
        {
            if (!HardLink.CreateOrCopy(existingFile, path))
            {
                _fresh[relativePath] = 0;
            }
        });
    }

    /// <summary>
    /// True when the file at <paramref name="relativePath"/> is not one of the old site's files: written by this build, or
    /// copied. Any other file of the staging folder is the old one's inode, with its length and write time.
    /// </summary>
    public bool IsNewFile(string relativePath) => _fresh.ContainsKey(relativePath);

    /// <summary>Makes one file of the staging folder at <c>path</c>; <c>bytes</c> is handed through, as a span cannot be captured.</summary>
    private delegate void FileMaker(string path, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Makes a file at <paramref name="relativePath"/> with <paramref name="make"/>. A spare's file there may be a hard link
    /// to the live site's, so it is unlinked, never written through; a spare's file or folder in the way of the new
    /// layout (a file where a folder must go, or the reverse) is removed.
    /// </summary>
    private void Place(string relativePath, ReadOnlySpan<byte> bytes, FileMaker make)
    {
        var path = Unstale(relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            make(path, bytes);
        }
        catch (IOException) when (_reusedSpare)
        {
            MakeRoom(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            make(path, bytes);
        }
    }

    /// <summary>The staging path of <paramref name="relativePath"/>, with the spare's file there (maybe a link to the live site's) unlinked.</summary>
    private string Unstale(string relativePath)
    {
        var path = Path.Combine(StagingDir, relativePath);
        if (_stale.TryRemove(relativePath, out _))
        {
            File.Delete(path);
        }

        return path;
    }

    private void MakeRoom(string relativePath)
    {
        var parts = relativePath.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var folder = string.Join('/', parts[..i]);
            if (File.Exists(Path.Combine(StagingDir, folder)))
            {
                _stale.TryRemove(folder, out _);
                File.Delete(Path.Combine(StagingDir, folder));
            }
        }

        var path = Path.Combine(StagingDir, relativePath);
        if (Directory.Exists(path))
        {
            foreach (var inside in _stale.Keys.Where(k => k.StartsWith(relativePath + "/", StringComparison.Ordinal)).ToList())
            {
                _stale.TryRemove(inside, out _);
            }

            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>After every file is placed: removes what the spare folder brought that the new site does not have.</summary>
    public void RemoveStale()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relativePath in _stale.Keys.ToList())
        {
            if (_stale.TryRemove(relativePath, out _))
            {
                var path = Path.Combine(StagingDir, relativePath);
                File.Delete(path);
                for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > StagingDir.Length; dir = Path.GetDirectoryName(dir))
                {
                    folders.Add(dir);
                }
            }
        }

        // Deepest first, so a folder emptied by removing its subfolders goes too.
        foreach (var dir in folders.OrderByDescending(d => d.Length))
        {
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
    }

    private bool TryReuseSpare()
    {
        if (_spare?.Files() is not { } files)
        {
            return false;
        }

        try
        {
            // The stats were read before the move, which keeps them.
            Directory.Move(_spare.Dir, StagingDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // On another file system, or in use: a fresh folder does the same job, more slowly.
            TryDelete(_spare.Dir);
            return false;
        }

        foreach (var (path, length, ticks) in files)
        {
            _stale[path] = (length, ticks);
        }

        _reusedSpare = true;
        return true;
    }

    /// <summary>Keeps the old site as the next build's spare, or deletes it when it cannot be kept.</summary>
    private void Retire(string oldSite)
    {
        if (_spare is not null)
        {
            try
            {
                TryDelete(_spare.Dir);
                Directory.CreateDirectory(Path.GetDirectoryName(_spare.Dir)!);
                Directory.Move(oldSite, _spare.Dir);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another file system: delete it as before.
            }
        }

        TryDelete(oldSite);
    }

    private void Written()
    {
        if (Interlocked.Increment(ref _written) == 1)
        {
            PausePoint.Reached("write");
        }
    }

    public void Commit()
    {
        PausePoint.Reached("commit");
        if (File.Exists(_target))
        {
            throw new IOException($"{_target} is a file, not a folder; move it away so the site can be written there");
        }

        if (!Directory.Exists(_target))
        {
            Directory.Move(StagingDir, _target);
            _committed = true;
            if (_spare is not null)
            {
                // No old site to keep as the next staging folder: one of links to this one (every file of it was written here).
                SpareSite.Mirror(_target, _spare.Dir, _fresh.Keys.ToList());
            }

            return;
        }

        if (FolderSwap.TryExchange(StagingDir, _target))
        {
            // The staging name now holds the old site.
            _committed = true;
            PausePoint.Reached("swap");
            Retire(StagingDir);
            return;
        }

        // No atomic exchange here: two renames, with a moment without site/ that Leftovers can repair.
        var old = $"{_target}{OldInfix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.Move(_target, old);
        PausePoint.Reached("swap");
        Directory.Move(StagingDir, _target);
        _committed = true;
        Retire(old);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(StagingDir);
        }
    }

    /// <summary>Deletes <paramref name="dir"/> and everything in it, when it can; a folder that stays is left for a later build.</summary>
    internal static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder costs disk space, not correctness; the next build tries again.
        }
    }
}
