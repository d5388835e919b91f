using System.Collections.Concurrent;
using SiteGen.Common;

namespace SiteGen.Build;

/// <summary>
/// The site folder as it is before a build writes anything: every file with its length and write time, and
/// its content hash taken from the last build's <see cref="OutputRecord"/> while length and write time still
/// match, else read and hashed on demand. So a file someone changed or removed is never taken for unchanged.
/// </summary>
internal sealed class CurrentSite
{
    private readonly string _root;
    private readonly Dictionary<string, (long Length, long Ticks)> _files;
    private readonly IReadOnlyDictionary<string, OutputFile> _recorded;
    private readonly ConcurrentDictionary<string, string?> _hashes = new(StringComparer.Ordinal);

    private CurrentSite(string root, Dictionary<string, (long, long)> files, IReadOnlyDictionary<string, OutputFile> recorded)
    {
        _root = root;
        _files = files;
        _recorded = recorded;
    }

    /// <summary>Site-relative paths ('/'-separated) of every file in the folder.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    public bool Contains(string path) => _files.ContainsKey(path);

    public string FullPath(string path) => Path.Combine(_root, path);

    public static CurrentSite Scan(string outputDir, OutputRecord? last)
    {
        var root = Path.GetFullPath(outputDir);
        var files = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var (path, length, ticks) in FolderFiles.Stats(root))
        {
            files[path] = (length, ticks);
        }

        var recorded = last is not null && last.OutputDir == root ? last.Files : new Dictionary<string, OutputFile>();
        return new CurrentSite(root, files, recorded);
    }

    /// <summary>The file's length and write time ticks, or (-1, -1) when there is no such file.</summary>
    public (long Length, long Ticks) Stat(string path) => _files.TryGetValue(path, out var stat) ? stat : (-1, -1);

    /// <summary>True when the file is exactly as the last build recorded it (same length and write time).</summary>
    public bool AsRecorded(string path) =>
        _files.TryGetValue(path, out var stat) && _recorded.TryGetValue(path, out var file) && file.Length == stat.Length && file.Ticks == stat.Ticks;

    /// <summary>What the last build recorded for the file, if it is still as recorded.</summary>
    public OutputFile? Recorded(string path) => AsRecorded(path) ? _recorded[path] : null;

    /// <summary>The file's content hash, or null when there is no such file (or it cannot be read).</summary>
    public string? Hash(string path)
    {
        if (!_files.ContainsKey(path))
        {
            return null;
        }

        return Recorded(path)?.Hash ?? _hashes.GetOrAdd(path, p =>
        {
            try
            {
                return InputHash.OfBytes(File.ReadAllBytes(FullPath(p)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        });
    }
}
