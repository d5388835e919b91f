using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Common;

namespace SiteGen.Highlighting;

/// <summary>
/// The on-disk highlight cache: one JSON file per (format, TextMateSharp and grammar versions, themes, limits),
/// holding (grammar scope, code) → HTML. Colour ids belong to a theme, so other themes mean another file.
/// A missing, foreign or corrupt file is ignored; saving writes a temporary file and renames it over the old one.
/// </summary>
internal sealed class HighlightCache
{
    private const int FormatVersion = 1;

    private readonly string? _path;
    private readonly string _settingsKey;

    public HighlightCache(string? directory, string settingsKey)
    {
        _settingsKey = settingsKey;
        if (directory is not null)
        {
            var hash = Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(settingsKey)))[..16];
            _path = Path.Combine(directory, $"highlight-{hash}.json");
        }
    }

    public Dictionary<CodeKey, string> Load()
    {
        var entries = new Dictionary<CodeKey, string>();
        if (_path is null || !File.Exists(_path))
        {
            return entries;
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(_path), HighlightCacheJson.Default.CacheFile);
            if (file is null || file.Format != FormatVersion || file.Settings != _settingsKey)
            {
                return entries;
            }

            foreach (var e in file.Entries)
            {
                entries[new CodeKey(e.Scope, e.Code)] = e.Html;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NullReferenceException)
        {
            // A corrupt or half-written cache only costs highlighting again.
            entries.Clear();
        }

        return entries;
    }

    public void Save(IEnumerable<KeyValuePair<CodeKey, string>> results)
    {
        if (_path is null)
        {
            return;
        }

        var file = new CacheFile(FormatVersion, _settingsKey, results
            .OrderBy(r => r.Key.Scope, StringComparer.Ordinal).ThenBy(r => r.Key.Code, StringComparer.Ordinal)
            .Select(r => new CacheEntry(r.Key.Scope, r.Key.Code, r.Value))
            .ToList());
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(file, HighlightCacheJson.Default.CacheFile));
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    internal sealed record CacheFile(int Format, string Settings, List<CacheEntry> Entries);

    internal sealed record CacheEntry(string Scope, string Code, string Html);
}

/// <summary>One distinct block of a build: the grammar it is highlighted with and its text.</summary>
/// <remarks>A class: the framework's dictionary code over a struct key is JIT-compiled in every process.</remarks>
internal sealed record CodeKey(string Scope, string Code);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HighlightCache.CacheFile))]
internal sealed partial class HighlightCacheJson : JsonSerializerContext;
