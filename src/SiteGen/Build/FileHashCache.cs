using System.Collections.Concurrent;

namespace SiteGen.Build;

/// <summary>
/// Content hashes of input files (feeds, pages) by path, kept in the build state and trusted while a file's length
/// and write time are what they were when it was hashed, as make and ninja trust them (and as the up-to-date stamp
/// does): at 10,000 articles, reading and hashing every page again took 0.3–0.5 s of each rebuild, twice. A file
/// written shortly before it was hashed is not kept: a second write in the same tick of the file system's clock would
/// leave its write time as it was (git calls such entries racily clean).
/// </summary>
internal sealed class FileHashCache(Action changed)
{
    /// <summary>How long before hashing a file must have been written, where write times fall on whole seconds (FAT keeps 2 s, HFS+ and ext3 1 s).</summary>
    internal static readonly TimeSpan CoarseSettled = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The same where a write time carries a fraction of a second: ext4, XFS, btrfs, APFS and NTFS stamp writes from a
    /// clock that ticks every few milliseconds at most, exFAT every 10 ms. Two seconds here made the first rebuild after
    /// an import read and hash again every page the import had just written (0.15 s of a 0.85 s rebuild at 2,000 pages).
    /// </summary>
    internal static readonly TimeSpan FineSettled = TimeSpan.FromMilliseconds(100);

    /// <summary>How long before hashing a file written at <paramref name="ticks"/> must have been written for its write time to tell every later change.</summary>
    internal static TimeSpan SettledAfter(long ticks) => ticks % TimeSpan.TicksPerSecond == 0 ? CoarseSettled : FineSettled;

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
        if (entry.Ticks >= (hashedAtUtc - SettledAfter(entry.Ticks)).Ticks)
        {
            if (_entries.TryRemove(path, out _))
            {
                changed();
            }

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
