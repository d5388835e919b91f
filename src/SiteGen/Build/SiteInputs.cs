using System.IO.Enumeration;
using System.Text.Json;
using SiteGen.Common;
using SiteGen.Config;

namespace SiteGen.Build;

/// <summary>
/// The content hashes of a build's input files, read once at the start: every file of the seeds folder and
/// every page of the content folder (as <see cref="Content.LoadPages"/> finds them), and the key of the
/// configuration. Stages key their work by these instead of reading the files again.
/// </summary>
internal sealed class SiteInputs
{
    private static readonly EnumerationOptions Pages = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly FileHashCache? _known;

    private SiteInputs(string configKey, IReadOnlyDictionary<string, string> feeds, IReadOnlyDictionary<string, string> content, bool mayHaveMath,
        FileHashCache? known)
    {
        ConfigKey = configKey;
        Feeds = feeds;
        Content = content;
        MayHaveMath = mayHaveMath;
        _known = known;
    }

    /// <summary>
    /// False when no feed and no page has a <c>$</c>, <c>\(</c> or <c>\[</c>: then the site has no formula, and a cold build
    /// does not spend a core preparing KaTeX beside the import (about 2 s of processor time).
    /// </summary>
    public bool MayHaveMath { get; }

    /// <summary>Everything in the configuration that can change output (all of it but the report path, strictness and --clean).</summary>
    public string ConfigKey { get; }

    /// <summary>Feed file name → content hash.</summary>
    public IReadOnlyDictionary<string, string> Feeds { get; }

    /// <summary>Page file (as enumerated) → content hash, or <c>unreadable</c>.</summary>
    public IReadOnlyDictionary<string, string> Content { get; }

    /// <param name="known">Hashes of files whose length and write time are unchanged since they were hashed (none: every file is read).</param>
    public static SiteInputs Read(SiteConfig config, FileHashCache? known = null)
    {
        var math = new MathSeen();
        var feeds = HashFiles(config.SeedsDir, "*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }, name: true, math, known, out var feedPaths);
        var content = HashFiles(config.ContentDir, "*.md", Pages, name: false, math, known, out var pagePaths);
        known?.KeepOnly(feedPaths.Concat(pagePaths).ToHashSet(StringComparer.Ordinal));
        return new SiteInputs(KeyOf(config), feeds, content, math.Any, known);
    }

    /// <summary>Set when any file read has a math delimiter.</summary>
    private sealed class MathSeen
    {
        private int _seen;

        public bool Any => Volatile.Read(ref _seen) == 1;

        public static bool Has(ReadOnlySpan<byte> bytes) => bytes.Contains((byte)'$') || bytes.IndexOf("\\("u8) >= 0 || bytes.IndexOf("\\["u8) >= 0;

        public void Saw(bool math)
        {
            if (math && !Any)
            {
                Volatile.Write(ref _seen, 1);
            }
        }
    }

    /// <summary>The key of everything in <paramref name="config"/> that can change output.</summary>
    public static string KeyOf(SiteConfig config) =>
        InputHash.OfText(JsonSerializer.Serialize(config with { ReportPath = null, Strict = false, Clean = false }, ConfigJson.Default.SiteConfig));

    /// <summary>The same, with the content folder hashed again (after an import wrote pages).</summary>
    public SiteInputs WithContentOf(SiteConfig config) =>
        new(ConfigKey, Feeds, HashFiles(config.ContentDir, "*.md", Pages, name: false, math: null, _known, out _), MayHaveMath, _known);

    /// <summary>The key of the import's inputs: SiteGen, the configuration, every feed and every page it may claim or keep.</summary>
    public string ImportKey(SiteConfig config)
    {
        using var hash = InputHash.Of("import").Add(ConfigKey).Add(Path.GetFullPath(config.ContentDir));
        foreach (var map in new[] { Feeds, Content })
        {
            var (names, values) = OrdinalSort.ByKey(map);
            for (var i = 0; i < names.Length; i++)
            {
                hash.Add(names[i]).Add(values[i]);
            }
        }

        return hash.Finish();
    }

    private static Dictionary<string, string> HashFiles(string dir, string pattern, EnumerationOptions options, bool name, MathSeen? math,
        FileHashCache? known, out string[] paths)
    {
        if (!Directory.Exists(dir))
        {
            paths = [];
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        // The same files, and the same path strings, as Directory.EnumerateFiles gives, with the length and write time
        // the enumeration read: a change made after this moves the write time, and is seen next time.
        var ignoreCase = options.MatchCasing == MatchCasing.CaseInsensitive
            || (options.MatchCasing == MatchCasing.PlatformDefault && !OperatingSystem.IsLinux());
        var files = new FileSystemEnumerable<FileStat>(dir,
            (ref FileSystemEntry e) => new FileStat(e.ToSpecifiedFullPath(), e.Length, e.LastWriteTimeUtc.UtcTicks), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && FileSystemName.MatchesSimpleExpression(pattern, e.FileName, ignoreCase),
        }.ToList();
        var fullPaths = files.Select(f => Path.GetFullPath(f.Path)).ToArray();
        paths = fullPaths;
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (path, length, ticks) = files[i];
            var cacheKey = fullPaths[i];
            try
            {
                if (known?.Find(cacheKey, length, ticks) is { } entry)
                {
                    math?.Saw(entry.HasMath);
                    hashes[i] = entry.Hash;
                    return;
                }

                var hashedAt = DateTime.UtcNow;
                var bytes = File.ReadAllBytes(path);
                var hasMath = MathSeen.Has(bytes);
                math?.Saw(hasMath);
                hashes[i] = InputHash.OfBytes(bytes);
                if (bytes.LongLength == length)
                {
                    known?.Keep(cacheKey, new FileHashCache.Entry(length, ticks, hashes[i], hasMath), hashedAt);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The stage that reads it reports the problem; the key says it could not be read.
                hashes[i] = "unreadable";
            }
        });
        var result = new Dictionary<string, string>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            result[name ? Path.GetFileName(files[i].Path) : files[i].Path] = hashes[i];
        }

        return result;
    }
}
