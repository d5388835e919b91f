using System.Reflection;
using System.Text.Json;

namespace SiteGen.Mathematics;

/// <summary>Reads what the build embedded from npm's <c>katex</c> package (see <c>Katex.targets</c>).</summary>
internal static class KatexResources
{
    private const string Prefix = "SiteGen.Mathematics.";
    private const string FontPrefix = Prefix + "fonts.";

    private static readonly Assembly Assembly = typeof(KatexResources).Assembly;

    private static readonly Lazy<string> LazyVersion = new(() =>
    {
        using var json = JsonDocument.Parse(ReadText("katex.package.json"));
        return json.RootElement.GetProperty("version").GetString()
            ?? throw new InvalidOperationException("katex package.json has no version");
    });

    public static string Version => LazyVersion.Value;

    public static string ReadText(string name)
    {
        using var stream = Open(Prefix + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> FontFileNames() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(FontPrefix, StringComparison.Ordinal))
            .Select(n => n[FontPrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static Stream OpenFont(string fileName) => Open(FontPrefix + fileName);

    private static Stream Open(string resource) =>
        Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing; rebuild so Katex.targets can run `npm ci`");
}
