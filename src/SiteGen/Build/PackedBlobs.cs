using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Build;

/// <summary>
/// Rendered bodies' HTML and the search index's document analyses, by the SHA-256 of their bytes, appended to pack files (<c>&lt;cache&gt;/bodies/&lt;id&gt;.pack</c>)
/// and checked whenever read against an XXH64 checksum kept beside the location (damage, not an adversary, is what a
/// read has to notice; the 8 MB search postings alone cost ~4 ms of SHA-256 per rebuild). A build appends what it renders to one new pack instead of
/// creating a file per body: on the ext4 disks measured here, creating 2,000 small files took 0.2–0.9 s, appending
/// them 0.03 s. Where each body is (pack, offset, length) is kept in the build state, so a pack is only trusted
/// through a state that was saved after it was written. When the state is saved, small packs and packs that are
/// mostly bodies no page uses any more are copied into the current one, and packs no entry refers to are deleted
/// once the state that no longer needs them is on disk.
/// </summary>
internal sealed class PackedBlobs(string cacheDir)
{
    /// <summary>Packs smaller than this are merged into the newest one, so one-article builds do not leave a pack each.</summary>
    internal const long SmallPack = 4 << 20;

    private const string Extension = ".pack";

    private readonly string _root = Path.Combine(cacheDir, "bodies");
    private readonly ConcurrentDictionary<string, BlobLocation> _index = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    // One read handle per pack, opened when first read: a rebuild reads thousands of entries from a few packs.
    private readonly ConcurrentDictionary<string, Lazy<SafeFileHandle>> _readers = new(StringComparer.Ordinal);
    private OpenPack? _writing;

    /// <summary>Where one body's bytes are, and their checksum.</summary>
    /// <remarks>A class: enumerating and sorting the index over a struct value JIT-compiled ~100 framework methods per process.</remarks>
    private sealed record BlobLocation(string Pack, long Offset, int Length, ulong Check);

    /// <summary>The pack this process appends to: its handle, and where the next body goes.</summary>
    private sealed class OpenPack(string name, SafeFileHandle handle)
    {
        public string Name { get; } = name;

        public SafeFileHandle Handle { get; } = handle;

        public long End { get; set; }
    }

    public bool Has(string hash) => _index.ContainsKey(hash);

    public void Put(string hash, string html)
    {
        if (!Has(hash))
        {
            Put(hash, Encoding.UTF8.GetBytes(html));
        }
    }

    /// <summary>Keeps <paramref name="bytes"/>, whose SHA-256 is <paramref name="hash"/>.</summary>
    public void Put(string hash, byte[] bytes)
    {
        if (Has(hash) || !_claimed.TryAdd(hash, 0))
        {
            return;
        }

        _index[hash] = Append(bytes);
    }

    public string Get(string hash) => Encoding.UTF8.GetString(GetBytes(hash));

    /// <summary>The bytes kept under <paramref name="hash"/>, checked against it.</summary>
    public byte[] GetBytes(string hash)
    {
        if (!_index.TryGetValue(hash, out var at))
        {
            throw new BuildStateException($"the stored body {hash[..12]}… is missing");
        }

        byte[] bytes;
        try
        {
            bytes = Read(at);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildStateException($"a stored body cannot be read ({e.Message})");
        }

        if (XxHash64.HashToUInt64(bytes) != at.Check)
        {
            throw new BuildStateException($"the stored body {hash[..12]}… is damaged");
        }

        return bytes;
    }

    /// <summary>Forgets the bodies <paramref name="hashes"/>; their bytes go when their pack is compacted or dropped.</summary>
    public void Delete(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            _index.TryRemove(hash, out _);
            _claimed.TryRemove(hash, out _);
        }
    }

    /// <summary>
    /// Before the state is written: copies the bodies of small or mostly unused packs into the newest pack and
    /// closes it, so the index the state saves refers only to complete packs.
    /// </summary>
    public void Seal()
    {
        var live = _index.Values.GroupBy(l => l.Pack, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => (long)l.Length), StringComparer.Ordinal);
        var candidates = live.Keys
            .Where(pack => pack != _writing?.Name)
            .Select(pack => (Pack: pack, Live: live[pack], Size: SizeOf(pack)))
            .Where(p => p.Size < SmallPack || p.Live * 2 < p.Size)
            .ToList();
        var worthIt = _writing is not null ? candidates.Count > 0 : candidates.Count >= 2 || candidates.Any(p => p.Live * 2 < p.Size);
        if (worthIt)
        {
            var moving = candidates.Select(p => p.Pack).ToHashSet(StringComparer.Ordinal);
            foreach (var (hash, at) in _index.Where(e => moving.Contains(e.Value.Pack)).OrderBy(e => e.Value.Pack, StringComparer.Ordinal).ThenBy(e => e.Value.Offset).ToList())
            {
                try
                {
                    _index[hash] = Append(Read(at));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Unreadable now: the page renders its body again next time.
                    _index.TryRemove(hash, out _);
                }
            }
        }

        lock (_gate)
        {
            _writing?.Handle.Dispose();
            _writing = null;
        }

        CloseReaders();
    }

    private void CloseReaders()
    {
        foreach (var pack in _readers.Keys.ToList())
        {
            if (_readers.TryRemove(pack, out var reader) && reader.IsValueCreated)
            {
                reader.Value.Dispose();
            }
        }
    }

    /// <summary>After the state is written: deletes every pack it does not refer to (and bodies stored in the old one-file layout).</summary>
    public void RemoveUnreferenced()
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        var referenced = _index.Values.Select(l => l.Pack).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var file in Directory.EnumerateFiles(_root, "*" + Extension))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!referenced.Contains(name) && name != _writing?.Name)
                {
                    File.Delete(file);
                }
            }

            foreach (var dir in Directory.EnumerateDirectories(_root))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An orphan costs disk space only; the next save tries again.
        }
    }

    public void Write(StateWriter w)
    {
        var packs = _index.Values.Select(l => l.Pack).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var numbers = packs.Select((pack, i) => (pack, i)).ToDictionary(p => p.pack, p => p.i, StringComparer.Ordinal);
        w.Strings(packs);
        w.Map(_index, value =>
        {
            w.Int(numbers[value.Pack]);
            w.Long(value.Offset);
            w.Int(value.Length);
            w.ULong(value.Check);
        });
    }

    /// <summary>Reads the index back, leaving out bodies whose pack is gone or shorter than they need.</summary>
    public void Read(StateReader r)
    {
        var packs = r.Strings();
        var sizes = packs.Select(SizeOf).ToArray();
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var hash = r.String();
            var pack = r.Int();
            if (pack < 0 || pack >= packs.Length)
            {
                throw new InvalidDataException("a stored body refers to a pack that is not listed");
            }

            var at = new BlobLocation(packs[pack], r.Long(), r.Int(), r.ULong());
            if (at.Offset >= 0 && at.Length >= 0 && at.Offset + at.Length <= sizes[pack])
            {
                _index[hash] = at;
                _claimed[hash] = 0;
            }
        }
    }

    private BlobLocation Append(byte[] bytes)
    {
        OpenPack pack;
        long offset;
        lock (_gate)
        {
            if (_writing is null)
            {
                Directory.CreateDirectory(_root);
                var name = Guid.NewGuid().ToString("N");
                _writing = new OpenPack(name, File.OpenHandle(PathOf(name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete));
            }

            pack = _writing;
            offset = pack.End;
            pack.End += bytes.Length;
        }

        // Each body has its own range, so appends from several threads need no lock.
        RandomAccess.Write(pack.Handle, bytes, offset);
        return new BlobLocation(pack.Name, offset, bytes.Length, XxHash64.HashToUInt64(bytes));
    }

    private byte[] Read(BlobLocation at)
    {
        var bytes = new byte[at.Length];
        var writing = _writing;
        if (writing is not null && writing.Name == at.Pack)
        {
            ReadFully(writing.Handle, bytes, at.Offset);
            return bytes;
        }

        var reader = _readers.GetOrAdd(at.Pack, pack => new Lazy<SafeFileHandle>(
            () => File.OpenHandle(PathOf(pack), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)));
        try
        {
            ReadFully(reader.Value, bytes, at.Offset);
        }
        catch
        {
            // A pack that could not be opened is tried again on the next read, not remembered as broken.
            _readers.TryRemove(new KeyValuePair<string, Lazy<SafeFileHandle>>(at.Pack, reader));
            throw;
        }

        return bytes;
    }

    private static void ReadFully(SafeFileHandle handle, byte[] bytes, long offset)
    {
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new IOException("the pack ends before the body does");
            }

            done += read;
        }
    }

    private long SizeOf(string pack)
    {
        var info = new FileInfo(PathOf(pack));
        return info.Exists ? info.Length : -1;
    }

    private string PathOf(string pack) => Path.Combine(_root, pack + Extension);
}
