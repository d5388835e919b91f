using System.Reflection;

namespace SiteGen.Templates;

/// <summary>
/// The default theme shipped inside the tool: every file of the repository's <c>templates/</c>, as
/// embedded resources. <c>sitegen build</c> uses it where a site's own <c>templates/</c> has no file at
/// the same path; <c>sitegen init</c> and other commands can list and copy it from here.
/// </summary>
public static class EmbeddedTheme
{
    private const string Prefix = "theme/";
    private static readonly Assembly Assembly = typeof(EmbeddedTheme).Assembly;
    private static readonly Dictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        // MSBuild's %(RecursiveDir) uses the build machine's separator.
        .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);

    /// <summary>The theme's files, as paths relative to the theme root with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = Resources.Keys.Order(StringComparer.Ordinal).ToList();

    public static bool Contains(string path) => Resources.ContainsKey(path);

    /// <summary>Opens a theme file; throws <see cref="FileNotFoundException"/> for a path that is not in <see cref="Files"/>.</summary>
    public static Stream Open(string path) =>
        Resources.TryGetValue(path, out var name) && Assembly.GetManifestResourceStream(name) is { } stream
            ? stream
            : throw new FileNotFoundException($"'{path}' is not a file of the embedded theme", path);

    public static byte[] ReadAllBytes(string path)
    {
        using var stream = Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Writes the theme into <paramref name="folder"/> (e.g. to customise it), keeping files that already exist unless <paramref name="overwrite"/>.</summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> CopyTo(string folder, bool overwrite = false)
    {
        var written = new List<string>();
        foreach (var path in Files)
        {
            var target = System.IO.Path.Combine(folder, path);
            if (!overwrite && File.Exists(target))
            {
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, ReadAllBytes(path));
            written.Add(path);
        }

        return written;
    }
}
