using System.Collections.Concurrent;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>
/// What a long-running process (<c>sitegen serve</c>) keeps between builds, so a rebuild redoes only what
/// changed: compiled templates while <c>templates/</c> is unchanged, and each page's rendered body while
/// its Markdown is unchanged.
/// </summary>
public sealed class BuildCache : IDisposable
{
    internal (string Stamp, TemplateSet Templates)? Templates { get; set; }

    internal ConcurrentDictionary<string, (string Markdown, RenderedPage Rendered, IReadOnlyList<Diagnostic> Diagnostics)> Pages { get; } =
        new(StringComparer.Ordinal);

    /// <summary>A fingerprint of every file under <paramref name="dir"/>: path, size and write time.</summary>
    internal static string Stamp(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return "";
        }

        var hash = new HashCode();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            hash.Add(file);
            hash.Add(info.Length);
            hash.Add(info.LastWriteTimeUtc.Ticks);
        }

        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Pages.Clear();
    }
}
