using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SiteGen.Import;

/// <summary>Reads the front matter of every <c>*.md</c> in the content folder so re-imports keep ids, slugs and dates.</summary>
internal sealed class ReadExistingPages
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public IReadOnlyList<ExistingPage> Read(string contentDir, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(contentDir))
        {
            return [];
        }
        var shownDir = contentDir.Replace('\\', '/').TrimEnd('/');
        var pages = new List<ExistingPage>();
        foreach (var fullPath in Directory.GetFiles(contentDir, "*.md").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(fullPath);
            var shown = $"{shownDir}/{name}";
            var text = File.ReadAllText(fullPath);
            var fields = ReadFrontMatter(text, shown, diagnostics);
            pages.Add(new ExistingPage(
                shown,
                fullPath,
                System.IO.Path.GetFileNameWithoutExtension(name),
                Field(fields, "id"),
                Field(fields, "date"),
                Field(fields, "source_hash"),
                PageSeal.IsIntact(text),
                text));
        }
        return pages;
    }

    private static Dictionary<string, object?>? ReadFrontMatter(string text, string shown, DiagnosticBag diagnostics)
    {
        var normalized = PageSeal.NormalizeNewlines(text).TrimStart('\uFEFF');
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }
        var end = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        try
        {
            return Yaml.Deserialize<Dictionary<string, object?>>(normalized[4..(end + 1)]);
        }
        catch (YamlException e)
        {
            // YamlDotNet marks are relative to the front-matter block, which starts on the file's line 2.
            diagnostics.Warning(ImportCodes.UnreadablePage, shown, (int)e.Start.Line + 1, (int)e.Start.Column,
                $"cannot read front matter ({e.Message}); the page is kept as it is and its slug stays reserved.");
            return null;
        }
    }

    private static string? Field(Dictionary<string, object?>? fields, string key) =>
        fields is not null && fields.TryGetValue(key, out var value) && value is string s && s.Length > 0 ? s : null;
}
