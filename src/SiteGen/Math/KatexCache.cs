using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SiteGen.Mathematics;

/// <summary>
/// The on-disk formula cache: one JSON file per (KaTeX version, options, macros), holding
/// (TeX, display) → result. A missing, foreign or corrupt file is ignored; saving writes a temporary
/// file and renames it over the old one, so two builds at once each leave a whole file behind.
/// </summary>
internal sealed class KatexCache
{
    private const int FormatVersion = 1;

    private readonly string? _path;
    private readonly string _settingsKey;

    public KatexCache(string? directory, string settingsKey)
    {
        _settingsKey = settingsKey;
        if (directory is not null)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settingsKey)))[..16];
            _path = Path.Combine(directory, $"katex-{hash}.json");
        }
    }

    public IReadOnlyDictionary<FormulaKey, FormulaResult> Load()
    {
        var entries = new Dictionary<FormulaKey, FormulaResult>();
        if (_path is null || !File.Exists(_path))
        {
            return entries;
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(_path), KatexCacheJson.Default.CacheFile);
            if (file is null || file.Format != FormatVersion || file.Settings != _settingsKey)
            {
                return entries;
            }

            foreach (var e in file.Entries)
            {
                entries[new FormulaKey(e.Tex, e.Display)] = new FormulaResult(e.Html, e.Error, FromCache: true)
                {
                    Warnings = e.Warnings.Select(w => new FormulaWarning(w.Code, w.Message)).ToList(),
                };
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NullReferenceException)
        {
            // A corrupt or half-written cache only costs a re-render.
            entries.Clear();
        }

        return entries;
    }

    public void Save(IEnumerable<KeyValuePair<FormulaKey, FormulaResult>> results)
    {
        if (_path is null)
        {
            return;
        }

        var file = new CacheFile(FormatVersion, _settingsKey, results
            .Where(r => !r.Value.IsFallback)
            .OrderBy(r => r.Key.Tex, StringComparer.Ordinal).ThenBy(r => r.Key.DisplayMode)
            .Select(r => new CacheEntry(r.Key.Tex, r.Key.DisplayMode, r.Value.Html, r.Value.Error,
                r.Value.Warnings.Select(w => new CacheWarning(w.Code, w.Message)).ToList()))
            .ToList());

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(file, KatexCacheJson.Default.CacheFile));
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    internal sealed record CacheFile(int Format, string Settings, List<CacheEntry> Entries);

    internal sealed record CacheEntry(string Tex, bool Display, string Html, string? Error, List<CacheWarning> Warnings);

    internal sealed record CacheWarning(string Code, string Message);
}

/// <summary>One distinct formula of a build.</summary>
internal readonly record struct FormulaKey(string Tex, bool DisplayMode);
