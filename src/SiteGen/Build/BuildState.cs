using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime;
using System.Text;
using SiteGen.Common;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Markdown;

namespace SiteGen.Build;

/// <summary>
/// What builds keep between runs, on disk in the cache folder, every entry keyed by the hash of its unit's
/// inputs (<see cref="InputHash"/>): pages as loaded, rendered bodies and their facts (the HTML itself in
/// <see cref="PackedBlobs"/>), the last import, related lists, and what the last build wrote into the site
/// folder. A new process reads it back and skips every unit whose key is unchanged; an empty state is a cold
/// build; <c>sitegen serve</c> keeps the same state in memory between rebuilds. The file carries SiteGen's
/// version and a checksum: a file from another version, or one that is damaged or cut short, is discarded
/// with a note, so it can cost a rebuild but never a wrong site.
/// </summary>
internal sealed class BuildState
{
    public const string FileName = "build-state.bin";
    private const int Format = 8;
    private static readonly byte[] Magic = "SGBS"u8.ToArray();

    private readonly string _file;
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private bool _dirty;

    private BuildState(string cacheDir)
    {
        _file = Path.Combine(cacheDir, FileName);
        Blobs = new PackedBlobs(cacheDir);
        FileHashes = new FileHashCache(Changed);
    }

    /// <summary>Intact generated pages as the import read them, by file name and the hash of their bytes.</summary>
    public ConcurrentDictionary<string, KnownPage> KnownPages { get; } = new(StringComparer.Ordinal);

    /// <summary>The import's MinHash band keys of each distinct text, by a key of the text and the dedup settings.</summary>
    public ConcurrentDictionary<string, ulong[]> BandKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Content hashes of the input files, trusted while their length and write time are unchanged.</summary>
    public FileHashCache FileHashes { get; }

    /// <summary>Pages as loaded, by <c>page</c> key (display path and the file's bytes).</summary>
    public ConcurrentDictionary<string, LoadedPage> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>Rendered bodies by <c>body</c> key (render settings, display path, where the body starts, its Markdown).</summary>
    public ConcurrentDictionary<string, StoredBody> Bodies { get; } = new(StringComparer.Ordinal);

    /// <summary>The search index's analysis of each document, by document key: the hash of its bytes in <see cref="Blobs"/>.</summary>
    public ConcurrentDictionary<string, string> SearchAnalyses { get; } = new(StringComparer.Ordinal);

    /// <summary>What rendering each imported article's page gave, by <c>RenderKey</c>.</summary>
    public ConcurrentDictionary<string, RenderedPageMemo> PageRenders { get; } = new(StringComparer.Ordinal);

    public ImportRecord? Import { get; set; }

    public RelatedRecord? Related { get; set; }

    /// <summary>The blob holding the last search index's merged posting lists, if any.</summary>
    public string? SearchPostings
    {
        get => _searchPostings;
        set
        {
            if (value == _searchPostings)
            {
                return;
            }

            if (_searchPostings is not null)
            {
                _dropped.Add(_searchPostings);
            }

            _searchPostings = value;
            _dirty = true;
        }
    }

    private string? _searchPostings;

    /// <summary>What the last successful build left in the site folder.</summary>
    public OutputRecord? Output { get; set; }

    /// <summary>Where rendered bodies' HTML is kept.</summary>
    public PackedBlobs Blobs { get; }

    /// <summary>Set by <see cref="Open"/> when a state file was there but could not be used.</summary>
    public string? Note { get; private set; }

    public bool IsEmpty => Pages.IsEmpty && Bodies.IsEmpty && Import is null && Output is null;

    public void Changed() => _dirty = true;

    /// <summary>An empty state that will be saved in <paramref name="cacheDir"/> (what <c>--clean</c> starts from).</summary>
    public static BuildState Empty(string cacheDir) => new(cacheDir) { _dirty = true };

    /// <summary>The state saved in <paramref name="cacheDir"/>, or an empty one (with a <see cref="Note"/> when one was there but unusable).</summary>
    public static BuildState Open(string cacheDir)
    {
        var state = new BuildState(cacheDir);
        FileStream stream;
        try
        {
            if (!File.Exists(state._file))
            {
                return state;
            }

            stream = new FileStream(state._file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Discard(state, $"cannot be read ({e.Message})");
        }

        using var _ = stream;
        try
        {
            var problem = state.Read(stream);
            return problem is null ? state : Discard(new BuildState(cacheDir), problem);
        }
        catch (Exception e) when (Damage(e) is { } damage)
        {
            return Discard(new BuildState(cacheDir), $"is damaged ({damage.Message.TrimEnd('.')})");
        }
    }

    /// <summary>What says the file is damaged (sections are read in parallel, so it may arrive wrapped), or null.</summary>
    private static Exception? Damage(Exception e) => e switch
    {
        InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException => e,
        AggregateException all when all.Flatten().InnerExceptions.All(x => Damage(x) is not null) => all.Flatten().InnerExceptions[0],
        _ => null,
    };

    private static BuildState Discard(BuildState empty, string why)
    {
        empty.Note = $"the build state {empty._file.Replace('\\', '/')} {why}; it was discarded and this build starts from scratch";
        empty._dirty = true;
        return empty;
    }

    /// <summary>Writes the state (atomically) if anything changed, and drops bodies no entry refers to any more.</summary>
    public void Save()
    {
        if (!_dirty)
        {
            return;
        }

        if (_dropped.Count > 0)
        {
            var live = Bodies.Values.SelectMany(b => b.Blobs).Concat(SearchAnalyses.Values).ToHashSet(StringComparer.Ordinal);
            if (_searchPostings is not null)
            {
                live.Add(_searchPostings);
            }

            Blobs.Delete(_dropped.Where(h => !live.Contains(h)));
            _dropped.Clear();
        }

        // The packs are complete before the state that points into them is written, and old ones go only after it is.
        Blobs.Seal();
        AtomicFile.Write(_file, WriteFile);
        _dirty = false;
        Blobs.RemoveUnreferenced();
    }

    /// <summary>Keeps only the entries this build used, so the state does not grow with every edit.</summary>
    public void KeepOnly(IReadOnlySet<string>? pageKeys, IReadOnlySet<string>? bodyKeys)
    {
        if (pageKeys is not null)
        {
            Prune(Pages, pageKeys);
        }

        if (bodyKeys is not null)
        {
            Prune(Bodies, bodyKeys, body => body.Blobs);
        }
    }

    /// <summary>Keeps only the renders of the pages the last import had.</summary>
    public void KeepOnlyRenders(IReadOnlySet<string> keys) => Prune(PageRenders, keys);

    /// <summary>Keeps only the band keys of the texts the last import had.</summary>
    public void KeepOnlyBandKeys(IReadOnlySet<string> keys) => Prune(BandKeys, keys);

    /// <summary>Keeps only the pages the last import read or found.</summary>
    public void KeepOnlyKnownPages(IReadOnlySet<string> keys) => Prune(KnownPages, keys);

    /// <summary>Keeps only the search analyses of the documents the last index was built from.</summary>
    public void KeepOnlyAnalyses(IReadOnlySet<string> keys) => Prune(SearchAnalyses, keys, hash => [hash]);

    /// <summary>Removes the entries whose keys are not in <paramref name="keep"/>; the blobs they named are dropped at the next save.</summary>
    private void Prune<T>(ConcurrentDictionary<string, T> entries, IReadOnlySet<string> keep, Func<T, IEnumerable<string>>? blobs = null)
    {
        foreach (var key in entries.Keys.Where(k => !keep.Contains(k)))
        {
            if (entries.TryRemove(key, out var entry) && blobs is not null)
            {
                _dropped.UnionWith(blobs(entry));
            }

            _dirty = true;
        }
    }

    /// <summary>
    /// Magic, format, version, then the payload's length and checksum in fixed-width slots filled in once the
    /// payload is written: the state streams to disk instead of being assembled in memory (100 MB at 10,000 pages).
    /// </summary>
    /// <remarks>
    /// The checksum only has to notice damage, not withstand an adversary (whoever can write the cache can write
    /// anything in it), so it is XXH64: SHA-256 of the 16 MB state at 2,000 pages, written and read again by every
    /// rebuild, cost ~17 ms of it.
    /// </remarks>
    private void WriteFile(FileStream file)
    {
        file.Write(Magic);
        using (var header = new StateWriter(file))
        {
            header.Int(Format);
            header.String(SiteVersion.Id);
        }

        var slots = file.Position;
        file.Write(new byte[sizeof(long) + ChecksumBytes]);
        using var hashing = new HashingStream(file);
        using (var buffered = new BufferedStream(hashing, 1 << 16))
        using (var writer = new StateWriter(buffered))
        {
            var starts = new List<long>();
            foreach (var section in Sections)
            {
                writer.Flush();
                buffered.Flush();
                starts.Add(hashing.Length);
                section.Write(this, writer);
            }

            // The sections' offsets last, in fixed-width slots, so a reader finds them from the end and parses the sections at once.
            foreach (var start in starts)
            {
                writer.ULong((ulong)start);
            }

            writer.ULong((ulong)starts.Count);
        }

        var checksum = hashing.Checksum();
        file.Position = slots;
        Span<byte> length = stackalloc byte[sizeof(long)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, hashing.Length);
        file.Write(length);
        file.Write(checksum);
    }

    private const int ChecksumBytes = 8;

    private string? Read(FileStream stream)
    {
        var magic = new byte[Magic.Length];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            return "is not a SiteGen build state";
        }

        var headerStart = stream.Position;
        var header = new StateReader(stream, bufferBytes: 256);
        var format = header.Int();
        var version = header.String();
        if (format != Format || version != SiteVersion.Id)
        {
            return "was written by another version of SiteGen";
        }

        stream.Position = headerStart + header.Consumed;

        Span<byte> slots = stackalloc byte[sizeof(long) + ChecksumBytes];
        if (stream.ReadAtLeast(slots, slots.Length, throwOnEndOfStream: false) < slots.Length)
        {
            return "is cut short";
        }

        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(slots);
        var payloadStart = stream.Position;
        if (length != stream.Length - payloadStart)
        {
            return "is cut short";
        }

        // Checked in one streaming pass before anything is parsed: a damaged file is never half read.
        var checksum = new XxHash64();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            checksum.Append(buffer.AsSpan(0, read));
        }

        if (!checksum.GetHashAndReset().AsSpan().SequenceEqual(slots[sizeof(long)..]))
        {
            return "is damaged (its checksum does not match)";
        }

        var count = Sections.Length;
        var directoryBytes = (count + 1) * sizeof(ulong);
        if (length < directoryBytes)
        {
            return "is cut short";
        }

        stream.Position = payloadStart + length - directoryBytes;
        var directory = new StateReader(stream, bufferBytes: directoryBytes);
        var starts = Enumerable.Range(0, count).Select(_ => (long)directory.ULong()).Append(length - directoryBytes).ToArray();
        if ((long)directory.ULong() != count || starts[0] != 0 || starts.Zip(starts.Skip(1)).Any(p => p.First > p.Second))
        {
            return "is damaged (its sections do not add up)";
        }

        // Each section is parsed by its own reader, all at once, and without garbage collections: everything read stays
        // alive, so each collection during the read only copied what had been read so far (gen0 → gen1 → gen2), stopping
        // both readers; at 10,000 pages that was most of the 0.9 s this took (0.4–0.5 s without; docs/benchmarks.md).
        var path = stream.Name;
        var problems = new string?[count];
        var withoutCollections = TryPauseCollections(length);
        try
        {
            Parallel.For(0, count, i =>
            {
                using var part = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                part.Position = payloadStart + starts[i];
                var reader = new StateReader(part, bufferBytes: 1 << 20);
                Sections[i].Read(this, reader);
                problems[i] = reader.Consumed == starts[i + 1] - starts[i] ? null : "has a section of the wrong length";
            });
        }
        finally
        {
            // A read that allocated more than it asked for has had its collection, which ended the region already.
            if (withoutCollections && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // Another thread's allocation ended it between the check and here.
                }
            }
        }

        return problems.FirstOrDefault(p => p is not null);
    }

    /// <summary>
    /// Asks the runtime for room to read a payload of <paramref name="payloadBytes"/> without collecting: four times its
    /// bytes covers its strings in UTF-16 and the objects around them. Refused, the read simply collects as usual.
    /// </summary>
    private static bool TryPauseCollections(long payloadBytes)
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(Math.Min(payloadBytes * 4, 1L << 30));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Too large for this runtime, or another state is being read in the same process (tests, two sites served).
            return false;
        }
    }

    /// <summary>The parts of the payload, each written and read on its own; what each reads is touched by no other.</summary>
    private static readonly StateSection[] Sections =
    [
        new(static (s, w) => s.WritePages(w), static (s, r) => s.ReadPages(r)),
        new(static (s, w) => s.WriteBodies(w), static (s, r) => s.ReadBodies(r)),
        new(static (s, w) => s.WriteRest(w), static (s, r) => s.ReadRest(r)),
    ];

    private sealed record StateSection(Action<BuildState, StateWriter> Write, Action<BuildState, StateReader> Read);

    private void WritePages(StateWriter w) =>
        w.Map(Pages, value =>
        {
            w.Bool(value.Page is not null);
            if (value.Page is { } page)
            {
                w.Page(page);
            }

            w.Diagnostics(value.Diagnostics);
        });

    private void WriteBodies(StateWriter w) => w.Map(Bodies, body => body.Write(w));

    private void WriteRest(StateWriter w)
    {
        w.Bool(Import is not null);
        Import?.Write(w);
        w.Bool(Related is not null);
        Related?.Write(w);
        w.Bool(Output is not null);
        Output?.Write(w);
        w.Map(SearchAnalyses, w.String);
        w.Map(PageRenders, value =>
        {
            w.String(value.Seal);
            w.Diagnostics(value.Diagnostics);
        });
        w.Bool(_searchPostings is not null);
        if (_searchPostings is not null)
        {
            w.String(_searchPostings);
        }

        FileHashes.Write(w);
        w.Map(BandKeys, value =>
        {
            w.Int(value.Length);
            foreach (var k in value)
            {
                w.ULong(k);
            }
        });
        w.Map(KnownPages, value =>
        {
            w.String(value.Id);
            w.String(value.Date);
            w.String(value.SourceHash);
            w.String(value.Seal);
        });

        Blobs.Write(w);
    }

    private void ReadPages(StateReader r)
    {
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var key = r.String();
            var page = r.Bool() ? r.Page() : null;
            Pages[key] = new LoadedPage(page, r.Diagnostics());
        }
    }

    private void ReadBodies(StateReader r)
    {
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var key = r.String();
            Bodies[key] = StoredBody.Read(r, Blobs);
        }
    }

    private void ReadRest(StateReader r)
    {
        Import = r.Bool() ? ImportRecord.Read(r) : null;
        Related = r.Bool() ? RelatedRecord.Read(r) : null;
        Output = r.Bool() ? OutputRecord.Read(r) : null;
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            SearchAnalyses[r.String()] = r.String();
        }

        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var key = r.String();
            PageRenders[key] = new RenderedPageMemo(r.String(), r.Diagnostics());
        }

        _searchPostings = r.Bool() ? r.String() : null;
        FileHashes.Read(r);
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var key = r.String();
            var keys = new ulong[r.Int()];
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = r.ULong();
            }

            BandKeys[key] = keys;
        }

        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            var key = r.String();
            KnownPages[key] = new KnownPage(r.String(), r.String(), r.String(), r.String());
        }
        Blobs.Read(r);
    }
}

/// <summary>A content page as loaded (null when it was left out) and what loading it reported.</summary>
internal sealed record LoadedPage(Page? Page, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>An import whose inputs hashed to <paramref name="Key"/>: its counts and what it reported.</summary>
internal sealed record ImportRecord(string Key, ImportResult Result, IReadOnlyList<Diagnostic> Diagnostics)
{
    public void Write(StateWriter w)
    {
        w.String(Key);
        var r = Result;
        foreach (var n in new[] { r.Feeds, r.Entries, r.Articles, r.ExactDuplicates, r.NearDuplicates, r.PagesCreated, r.PagesUpdated, r.PagesUnchanged, r.PagesKeptEdited })
        {
            w.Int(n);
        }

        w.Diagnostics(Diagnostics);
    }

    public static ImportRecord Read(StateReader r)
    {
        var key = r.String();
        var result = new ImportResult(r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int());
        return new ImportRecord(key, result, r.Diagnostics());
    }
}

/// <summary>Related articles (by URL) of every article, for the articles and texts that hashed to <paramref name="Key"/>.</summary>
internal sealed record RelatedRecord(string Key, IReadOnlyDictionary<string, string[]> ByUrl)
{
    public void Write(StateWriter w)
    {
        w.String(Key);
        w.Map(ByUrl, value =>
        {
            w.Strings(value);
        });
    }

    public static RelatedRecord Read(StateReader r)
    {
        var key = r.String();
        var byUrl = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            byUrl[r.String()] = r.Strings();
        }

        return new RelatedRecord(key, byUrl);
    }
}

/// <summary>One rendered body: its facts and what rendering it reported (the HTML is in <see cref="PackedBlobs"/> under <c>Facts.HtmlHash</c>).</summary>
internal sealed record StoredBody(
    IReadOnlyList<TocEntry> Toc,
    bool HasMath,
    string Text,
    IReadOnlyList<BodyLink> Links,
    IReadOnlyList<Diagnostic> Diagnostics,
    BodyFacts Facts)
{
    public bool HasHighlight { get; init; }

    public IReadOnlySet<string> Anchors { get; init; } = new HashSet<string>();

    public IReadOnlyList<RenderDependency> Dependencies { get; init; } = [];

    /// <summary>What this body keeps in <see cref="PackedBlobs"/>: its HTML and its text blocks.</summary>
    public IEnumerable<string> Blobs => [Facts.HtmlHash, Facts.SearchBlocks.Hash];

    public void Write(StateWriter w)
    {
        w.List(Toc, t =>
        {
            w.Int(t.Level);
            w.String(t.Id);
            w.String(t.Text);
        });
        w.Bool(HasMath);
        w.String(Text);
        w.List(Links, l =>
        {
            w.String(l.Url);
            w.String(l.File);
            w.Int(l.Line);
            w.Int(l.Column);
            w.Bool(l.IsImage);
        });
        w.Diagnostics(Diagnostics);
        w.String(Facts.HtmlHash);
        w.String(Facts.ExcerptHtml.Html);
        w.Bool(Facts.ExcerptHtml.HasMath);
        w.String(Facts.SearchBlocks.Hash);
        w.Int(Facts.SearchBlocks.Length);
        w.Strings(Facts.Ids.Order(StringComparer.Ordinal).ToList());
        w.Int(Facts.ReadingMinutes);
        w.Bool(HasHighlight);
        w.Strings(Anchors.Order(StringComparer.Ordinal).ToList());
        w.List(Dependencies, d =>
        {
            w.String(d.Kind);
            w.String(d.Target);
            w.NullableString(d.Fragment);
            w.String(d.Value);
        });
    }

    /// <param name="blobs">Where the body's text blocks are read from when the search index needs them.</param>
    public static StoredBody Read(StateReader r, PackedBlobs blobs)
    {
        var toc = r.List(() => new TocEntry(r.Int(), r.String(), r.String()));
        var hasMath = r.Bool();
        var text = r.String();
        var links = r.List(() => new BodyLink(r.String(), r.String(), r.Int(), r.Int(), r.Bool()));
        var diagnostics = r.Diagnostics();
        var htmlHash = r.String();
        var excerpt = new Publish.ExcerptHtmlResult(r.String(), r.Bool());
        var blocksHash = r.String();
        var blocks = BodyBlocks.Stored(blocksHash, r.Int(), () => BodyBlocks.Decode(blobs.GetBytes(blocksHash)));
        var ids = r.Strings().ToHashSet(StringComparer.Ordinal);
        var facts = new BodyFacts(htmlHash, excerpt, blocks, ids, r.Int());
        return new StoredBody(toc, hasMath, text, links, diagnostics, facts)
        {
            HasHighlight = r.Bool(),
            Anchors = r.Strings().ToHashSet(StringComparer.Ordinal),
            Dependencies = r.List(() => new RenderDependency(r.String(), r.String(), r.NullableString(), r.String())),
        };
    }
}

/// <summary>
/// What a build left in the site folder <paramref name="OutputDir"/>: each file's key (what it was made from),
/// content hash, length and write time, and the keys of the parts written as a whole (search index, assets).
/// A file whose length and write time still match is taken to hold those bytes; any other is read and hashed.
/// </summary>
internal sealed record OutputRecord(
    string OutputDir,
    IReadOnlyDictionary<string, OutputFile> Files,
    IReadOnlyDictionary<string, string> Units,
    string CheckKey,
    IReadOnlyList<Diagnostic> CheckDiagnostics)
{
    public void Write(StateWriter w)
    {
        w.String(OutputDir);
        w.Map(Files, value =>
        {
            w.String(value.Key);
            w.String(value.Hash);
            w.Long(value.Length);
            w.Long(value.Ticks);
        });
        w.Map(Units, value =>
        {
            w.String(value);
        });
        w.String(CheckKey);
        w.Diagnostics(CheckDiagnostics);
    }

    /// <summary>True when <paramref name="other"/> records the same files, units and check results.</summary>
    public bool SameAs(OutputRecord? other) =>
        other is not null && other.OutputDir == OutputDir && other.CheckKey == CheckKey
        && other.Files.Count == Files.Count && Files.All(f => other.Files.TryGetValue(f.Key, out var o) && o == f.Value)
        && other.Units.Count == Units.Count && Units.All(u => other.Units.GetValueOrDefault(u.Key) == u.Value)
        && other.CheckDiagnostics.SequenceEqual(CheckDiagnostics);

    public static OutputRecord Read(StateReader r)
    {
        var outputDir = r.String();
        var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            files[r.String()] = new OutputFile(r.String(), r.String(), r.Long(), r.Long());
        }

        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var _ in Enumerable.Range(0, r.Count()))
        {
            units[r.String()] = r.String();
        }

        return new OutputRecord(outputDir, files, units, r.String(), r.Diagnostics());
    }
}

/// <summary>One file of the site: the key it was made from (a unit's name for files of a whole part), its content hash, length and write time.</summary>
internal sealed record OutputFile(string Key, string Hash, long Length, long Ticks);

/// <summary>Raised when a stored body no longer matches its hash: the state is discarded and the build starts again.</summary>
internal sealed class BuildStateException(string message) : Exception(message);
