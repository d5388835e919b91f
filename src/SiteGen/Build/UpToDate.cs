using SiteGen.Common;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Build;

/// <summary>
/// The whole-build shortcut of a new <c>sitegen build</c> process, as make and ninja take it: when SiteGen, the
/// configuration, every input file (seeds, content, templates, static files: path, length and write time) and
/// every file of the site folder and the build state are as they were when the last successful build ended, that build's result
/// (counts and diagnostics) stands and nothing is read, made or written. A stamp is only written when the
/// inputs did not change while the build ran, so an edit made during a build is never taken as built.
/// </summary>
internal static class UpToDate
{
    public const string FileName = "up-to-date.bin";
    private const int Format = 1;

    /// <summary>What a build reads besides the content folder: SiteGen, the configuration, seeds, templates, static files.</summary>
    public static string FixedInputs(SiteConfig config)
    {
        using var hash = InputHash.Of("up-to-date").Add(SiteInputs.KeyOf(config)).Add(config.TemplatesDirGiven ? 1 : 0);
        foreach (var dir in new[] { config.SeedsDir, config.TemplatesDir, config.StaticDir })
        {
            AddFolder(hash, dir);
        }

        return hash.Finish();
    }

    /// <summary>The content folder, taken after the import has written its pages.</summary>
    public static string Content(SiteConfig config)
    {
        using var hash = InputHash.Of("up-to-date-content");
        AddFolder(hash, config.ContentDir);
        return hash.Finish();
    }

    /// <summary>The site folder as it is now, and the build state file (a damaged or replaced state is noticed by a full build).</summary>
    public static string Site(SiteConfig config) => Site(config, written: null);

    /// <summary>
    /// The same as <see cref="Site(SiteConfig)"/> from what the build recorded of the folder it just left (every file with its
    /// length and write time, taken from the disk), without walking 10,000 files again. Should the record not be the folder
    /// exactly, the next build's walk gives another stamp and takes the full path: slower, never wrong.
    /// </summary>
    public static string Site(SiteConfig config, OutputRecord? written)
    {
        using var hash = InputHash.Of("up-to-date-site");
        if (written is not null && written.OutputDir == Path.GetFullPath(config.OutputDir))
        {
            // A loop, not LINQ over the map's pairs (a struct), whose code would be JIT-compiled in every process.
            var files = new List<FileStat>(written.Files.Count);
            foreach (var (path, file) in written.Files)
            {
                files.Add(new FileStat(path, file.Length, file.Ticks));
            }

            AddFiles(hash, written.OutputDir, files);
        }
        else
        {
            AddFolder(hash, config.OutputDir);
        }

        var state = new FileInfo(Path.Combine(config.CacheDir, BuildState.FileName));
        hash.Add(state.Exists ? state.Length : -1).Add(state.Exists ? state.LastWriteTimeUtc.Ticks : -1);
        return hash.Finish();
    }

    /// <summary>The last build's result, when everything it depends on is unchanged; else null.</summary>
    public static BuildResult? Check(SiteConfig config, string fixedInputs, StageTimer timer)
    {
        var stamp = Read(config);
        if (stamp is null || stamp.Fixed != fixedInputs || stamp.Content != Content(config) || stamp.Site != Site(config))
        {
            return null;
        }

        var diagnostics = stamp.Diagnostics;
        var succeeded = !(config.Strict && diagnostics.Count > 0);
        return new BuildResult(succeeded, stamp.Feeds, stamp.Entries, stamp.Articles, stamp.Pages, stamp.ExactDuplicates,
            stamp.NearDuplicates, Formulas: 0, FormulasCached: 0, diagnostics, timer.Snapshot())
        {
            FilesReused = stamp.Files,
            Incremental = true,
            UpToDate = true,
        };
    }

    /// <summary>Forgets the stamp (a build is about to change the site).</summary>
    public static void Remove(SiteConfig config)
    {
        try
        {
            File.Delete(PathOf(config));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stamp that cannot be removed would be stale; the keys in it still have to match to be used.
        }
    }

    /// <param name="written">What the build recorded of the site folder it left.</param>
    public static void Write(SiteConfig config, string fixedInputs, string content, BuildResult result, OutputRecord? written)
    {
        var files = result.FilesReused + result.FilesWritten;
        var site = Site(config, written);
        try
        {
            AtomicFile.Write(PathOf(config), stream =>
            {
                using var w = new StateWriter(stream);
                w.Int(Format);
                w.String(fixedInputs);
                w.String(content);
                w.String(site);
                foreach (var n in new[] { result.Feeds, result.Entries, result.Articles, result.Pages, result.ExactDuplicates, result.NearDuplicates, files })
                {
                    w.Int(n);
                }

                w.Diagnostics(result.Diagnostics);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a stamp the next build takes the full incremental path: slower, never wrong.
        }
    }

    private sealed record Stamp(string Fixed, string Content, string Site, int Feeds, int Entries, int Articles, int Pages,
        int ExactDuplicates, int NearDuplicates, int Files, IReadOnlyList<Diagnostic> Diagnostics);

    private static Stamp? Read(SiteConfig config)
    {
        try
        {
            var path = PathOf(config);
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            var r = new StateReader(stream);
            if (r.Int() != Format)
            {
                return null;
            }

            var stamp = new Stamp(r.String(), r.String(), r.String(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Diagnostics());
            return r.AtEnd ? stamp : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string PathOf(SiteConfig config) => Path.Combine(config.CacheDir, FileName);

    private static void AddFolder(InputHash hash, string dir)
    {
        var root = Path.GetFullPath(dir);
        if (!Directory.Exists(root))
        {
            hash.Add(root).Add(-1);
            return;
        }

        AddFiles(hash, root, FolderFiles.Stats(root));
    }

    /// <summary>The folder <paramref name="root"/> and its files (relative path, length, write time), in ordinal order of path.</summary>
    private static void AddFiles(InputHash hash, string root, IEnumerable<FileStat> files)
    {
        var sorted = files.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        hash.Add(root).Add(sorted.Length);
        foreach (var (path, length, ticks) in sorted)
        {
            hash.Add(path).Add(length).Add(ticks);
        }
    }
}
