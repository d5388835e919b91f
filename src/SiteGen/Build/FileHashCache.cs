using System.Collections.Concurrent;

namespace SiteGen.Build;

/// <summary>
/// Content hashes of input files (feeds, pages) by path, kept in the build state and trusted while a file's length
/// and write time are what they were when it was hashed, as make and ninja trust them (and as the up-to-date stamp
/// does): at 10,000 articles, reading and hashing every page again took 0.3–0.5 s of each rebuild, twice. A file
/// written shortly before it was hashed is not kept: on a file system whose clock is coarse, a second write in the
/// same tick would leave its write time as it was.
/// </summary>
internal sealed class FileHashCache(Action changed)
{
    /// <summary>How long before hashing a file must have been written for its write time to tell every later change.</summary>
    internal static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A file as it was hashed: length, write time (UTC ticks), content hash, and whether it has a math delimiter.</summary>
    /// <remarks>A class: the framework's dictionary and sorting code over a struct value is JIT-compiled in every process.</remarks>
    internal sealed record Entry(long Length, long Ticks, string Hash, bool HasMath);

    public int Count => _entries.Count;

    public Entry? Find(string path, long length, long ticks) =>
        _entries.TryGetValue(path, out var entry) && entry.Length == length && entry.Ticks == ticks ? entry : null;

    /// <summary>Keeps the hash of <paramref name="path"/>, statted before it was read at <paramref name="hashedAtUtc"/>, unless it was written too recently.</summary>
    public void Keep(string path, Entry entry, DateTime hashedAtUtc)
    {
        if (entry.Ticks >= (hashedAtUtc - Settled).Ticks)
        {
            _entries.TryRemove(path, out _);
            return;
        }

        if (!_entries.TryGetValue(path, out var known) || known != entry)
        {
            _entries[path] = entry;
            changed();
        }
    }

    /// <summary>Forgets files that are not in <paramref name="paths"/> (deleted, or no longer inputs).</summary>
    public void KeepOnly(IReadOnlySet<string> paths)
    {
        foreach (var path in _entries.Keys.Where(p => !paths.Contains(p)))
        {
            _entries.TryRemove(path, out _);
            changed();
        }
    }

    public void Write(StateWriter w) =>
        w.Map(_entries, value =>
        {
            w.Long(value.Length);
            w.Long(value.Ticks);
            w.String(value.Hash);
            w.Bool(value.HasMath);
        });

    public void Read(StateReader r)
    {
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var path = r.String();
            _entries[path] = new Entry(r.Long(), r.Long(), r.String(), r.Bool());
        }
    }
}
