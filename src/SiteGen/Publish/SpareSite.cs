using SiteGen.Common;

namespace SiteGen.Publish;

/// <summary>
/// The site before last, kept in the cache folder as the next build's staging folder (see <see cref="SiteOutput"/>), with
/// its files' lengths and write times read on a thread of its own from the moment the build knows where it is.
/// </summary>
/// <remarks>
/// The staging folder is made inside the parallel loop that places pages, when the first one differs, while the loop's
/// other threads wait for it. Reading the spare's stats there on the thread pool (all cores) starved the pool: the walk's
/// work items waited behind the blocked threads until the pool added one, 0.5–0.6 s of a 1.8 s rebuild after one new
/// article at 2,000 articles. On its own thread the walk does not need the pool, and it overlaps the first pages' rendering.
/// </remarks>
public sealed class SpareSite
{
    private readonly Thread? _reader;
    private IReadOnlyList<FileStat>? _files;

    /// <summary>Starts reading <paramref name="dir"/>'s files, when it exists.</summary>
    public SpareSite(string dir)
    {
        Dir = Path.GetFullPath(dir);
        if (!Directory.Exists(Dir))
        {
            return;
        }

        _reader = new Thread(Read) { IsBackground = true, Name = "spare site" };
        _reader.Start();
    }

    public string Dir { get; }

    /// <summary>Every file of the spare (relative '/'-separated path, length, write time), or null when there is none to reuse.</summary>
    public IReadOnlyList<FileStat>? Files()
    {
        _reader?.Join();
        return _files;
    }

    /// <summary>
    /// Makes <paramref name="spareDir"/> the same tree as <paramref name="siteDir"/>, of hard links to its
    /// <paramref name="files"/>, for a site that has no site before last (its first build): the next build then replaces
    /// only what it changes instead of linking every file into a new folder (0.1 s at 2,000 pages, 0.8 s at 10,000, of the
    /// rebuild after one new article). Nothing is kept where links are not possible: copies would double the site on disk.
    /// A file left out only means the next build links it itself. Returns whether the spare is there.
    /// </summary>
    public static bool Mirror(string siteDir, string spareDir, IReadOnlyCollection<string> files)
    {
        var site = Path.GetFullPath(siteDir);
        var spare = Path.GetFullPath(spareDir);
        SiteOutput.TryDelete(spare);
        try
        {
            foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(spare, f))!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            var linked = true;
            Parallel.ForEach(files, (file, loop) =>
            {
                if (!HardLink.TryCreate(Path.Combine(site, file), Path.Combine(spare, file)))
                {
                    linked = false;
                    loop.Stop();
                }
            });
            if (linked)
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A spare is only a head start for the next build; without it, that build links the site itself.
        }

        SiteOutput.TryDelete(spare);
        return false;
    }

    private void Read()
    {
        try
        {
            _files = FolderFiles.StatsOnThisThread(Dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or unreadable: the build makes a fresh staging folder instead, more slowly.
        }
    }
}
