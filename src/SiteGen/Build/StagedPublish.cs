using System.Collections.Concurrent;
using SiteGen.Common;
using SiteGen.Publish;

namespace SiteGen.Build;

/// <summary>One file a build puts in the site: its key (everything its bytes depend on) and how to make its bytes.</summary>
/// <param name="Template">For a page, the template that wrote it (its links are checked once per template).</param>
internal sealed record OutputEntry(string Path, string Key, Func<byte[]> Bytes, bool IsHtml = false, string? Template = null);

/// <summary>Takes one file of an <see cref="OutputUnit"/>: its path relative to the site folder, and its bytes.</summary>
internal delegate void UnitFileSink(string path, ReadOnlySpan<byte> bytes);

/// <summary>
/// A part of the site made as a whole (the search index), keyed by all of its inputs. <paramref name="Produce"/>
/// hands each of its files to the sink, which writes only those that differ, or asks the keeper to keep one it knows is unchanged.
/// </summary>
internal sealed record OutputUnit(string Name, string Key, Action<UnitFileSink, UnitFileKeeper> Produce);

/// <summary>Keeps a file of the unit's last output that is still in place unchanged, when the unit knows it would write the same bytes; false when it is not there as recorded.</summary>
internal delegate bool UnitFileKeeper(string path);

/// <summary>
/// Publishes a build so that <c>site/</c> is always the old complete site or the new one, writing only what
/// changed. A file whose key is unchanged and which is still as the last build left it is reused unread; any
/// other is made, and reused anyway when its bytes equal the old file's. Only when something differs is a
/// staging folder made: the new and changed files are written into it, every reused file is hard-linked
/// from the old site (no copy, no rewrite), and the folders are exchanged in one step (<see cref="SiteOutput"/>).
/// When nothing differs, nothing is written and nothing is swapped.
/// </summary>
/// <param name="spareDir">Where the site before last is kept for the next staging folder (see <see cref="SiteOutput"/>).</param>
internal sealed class StagedPublish(string outputDir, CurrentSite current, OutputRecord? last, string? spareDir = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Placed> _final = new(StringComparer.Ordinal);
    // The spare is read from the start, so that the staging folder made in the middle of placing pages does not wait for the walk.
    private readonly Lazy<SiteOutput> _staging = Staging(outputDir, spareDir is null ? null : new SpareSite(spareDir));
    private readonly Dictionary<string, string> _units = new(StringComparer.Ordinal);
    private bool _committed;

    private static Lazy<SiteOutput> Staging(string outputDir, SpareSite? spare) =>
        new(() => new SiteOutput(outputDir, spare), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where a file of the new site is, once placed.</summary>
    private sealed record Placed(string Key, string Hash, bool Written, bool IsHtml);

    /// <summary>Files written (not reused), HTML pages among them, and files reused.</summary>
    public int Written => _final.Values.Count(p => p.Written);

    public int PagesWritten => _final.Values.Count(p => p.Written && p.IsHtml);

    public int Reused => _final.Values.Count(p => !p.Written);

    /// <summary>True once something differs from the site folder (a file written, or one to drop).</summary>
    public bool Changed => _staging.IsValueCreated;

    /// <summary>Decides, makes and (if changed) writes every entry, in parallel.</summary>
    public void Files(IReadOnlyList<OutputEntry> entries) => Parallel.ForEach(entries, Place);

    private void Place(OutputEntry entry)
    {
        var recorded = current.Recorded(entry.Path);
        if (recorded is not null && recorded.Key == entry.Key)
        {
            _final[entry.Path] = new Placed(entry.Key, recorded.Hash, Written: false, entry.IsHtml);
            return;
        }

        var bytes = entry.Bytes();
        var hash = InputHash.OfBytes(bytes);
        if (current.Hash(entry.Path) == hash)
        {
            _final[entry.Path] = new Placed(entry.Key, hash, Written: false, entry.IsHtml);
            return;
        }

        _staging.Value.Write(entry.Path, bytes);
        _final[entry.Path] = new Placed(entry.Key, hash, Written: true, entry.IsHtml);
    }

    /// <summary>Reuses the unit's files while its key and files are as last recorded, else produces it afresh.</summary>
    public void Unit(OutputUnit unit)
    {
        _units[unit.Name] = unit.Key;
        var fileKey = "unit:" + unit.Name;
        var old = last is not null && last.Units.GetValueOrDefault(unit.Name) == unit.Key
            ? last.Files.Where(f => f.Value.Key == fileKey).ToList()
            : null;
        if (old is not null && old.Count > 0 && old.AsParallel().All(f => current.Hash(f.Key) == f.Value.Hash))
        {
            foreach (var (path, file) in old)
            {
                _final[path] = new Placed(fileKey, file.Hash, Written: false, IsHtml: false);
            }

            return;
        }

        unit.Produce((path, bytes) =>
        {
            var hash = InputHash.OfBytes(bytes);
            if (current.Hash(path) == hash)
            {
                // Equal bytes: the old file is linked in, not rewritten (most of the index when one article is new).
                _final[path] = new Placed(fileKey, hash, Written: false, IsHtml: false);
                return;
            }

            _staging.Value.Write(path, bytes);
            _final[path] = new Placed(fileKey, hash, Written: true, IsHtml: false);
        }, path =>
        {
            if (last?.Files.GetValueOrDefault(path) is not { } recorded || recorded.Key != fileKey || !current.AsRecorded(path))
            {
                return false;
            }

            _final[path] = new Placed(fileKey, recorded.Hash, Written: false, IsHtml: false);
            return true;
        });
    }

    /// <summary>After every file and unit: the paths of the new site.</summary>
    public IReadOnlyCollection<string> Paths => (IReadOnlyCollection<string>)_final.Keys;

    /// <summary>
    /// Completes the staging folder when anything differs (including files of the old site that the new one
    /// drops): every reused file is linked from the old site. Returns whether the site changes.
    /// </summary>
    public bool Complete()
    {
        if (!Changed && current.Paths.All(_final.ContainsKey))
        {
            return false;
        }

        var staging = _staging.Value;
        // Over an array of paths, not the map's pairs: the partitioner over a pair (a struct) is JIT-compiled in every process.
        var reused = new List<string>();
        foreach (var (path, placed) in _final)
        {
            if (!placed.Written)
            {
                reused.Add(path);
            }
        }

        Parallel.For(0, reused.Count, i => staging.Link(reused[i], current.FullPath(reused[i]), current.Stat(reused[i])));
        staging.RemoveStale();
        return true;
    }

    /// <summary>The bytes of a file of the new site (from the staging folder, or the old site for a reused file).</summary>
    public byte[] Read(string path) =>
        File.ReadAllBytes(Changed ? Path.Combine(_staging.Value.StagingDir, path) : current.FullPath(path));

    /// <summary>Swaps the staging folder in (see <see cref="SiteOutput.Commit"/>).</summary>
    public void Commit()
    {
        if (Changed)
        {
            _staging.Value.Commit();
            _committed = true;
        }
    }

    /// <summary>What the site folder now holds, for the next build.</summary>
    public OutputRecord Record(string checkKey, IReadOnlyList<Diagnostics.Diagnostic> checkDiagnostics)
    {
        var root = Path.GetFullPath(outputDir);
        var files = new Dictionary<string, OutputFile>(_final.Count, StringComparer.Ordinal);
        foreach (var (path, placed) in _final)
        {
            // Only the files this build wrote (or copied) are looked at again: every other one is a link to the old site's file.
            var (length, ticks) = _committed && _staging.Value.IsNewFile(path) ? StatNow(Path.Combine(root, path)) : current.Stat(path);
            files[path] = new OutputFile(placed.Key, placed.Hash, length, ticks);
        }

        return new OutputRecord(root, files, new Dictionary<string, string>(_units, StringComparer.Ordinal), checkKey, checkDiagnostics);
    }

    private static (long Length, long Ticks) StatNow(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, -1);
    }

    /// <summary>The content hash of every file of the new site, by path.</summary>
    public IEnumerable<KeyValuePair<string, string>> Hashes => _final.Select(p => KeyValuePair.Create(p.Key, p.Value.Hash));

    public void Dispose()
    {
        if (_staging.IsValueCreated)
        {
            _staging.Value.Dispose();
        }
    }
}
