using System.Text.RegularExpressions;
using SiteGen.Common;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Import;

/// <summary>
/// Reads the front matter of every <c>*.md</c> in the content folder so re-imports keep ids, slugs and dates.
/// A page whose front matter cannot be read (a YAML slip, a lost <c>---</c>) is kept as it is, and its
/// <c>id</c>, <c>source_hash</c> and <c>date</c> lines are read leniently, one line at a time, so the page still
/// claims its article and the importer never writes a second page for it.
/// </summary>
internal sealed partial class ReadExistingPages
{
    /// <summary>How far a lenient read looks when there is no closing <c>---</c>.</summary>
    private const int LenientLines = 60;

    /// <param name="memo">What earlier reads of unchanged files gave (none: every file is read).</param>
    public IReadOnlyList<ExistingPage> Read(string contentDir, IPageRenderMemo? memo = null)
    {
        if (!Directory.Exists(contentDir))
        {
            return [];
        }
        var shownDir = contentDir.Replace('\\', '/').TrimEnd('/');
        var files = Directory.GetFiles(contentDir, "*.md").Order(StringComparer.Ordinal).ToArray();
        var pages = new ExistingPage[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var fullPath = files[i];
            var name = System.IO.Path.GetFileName(fullPath);
            var shown = $"{shownDir}/{name}";
            var slug = System.IO.Path.GetFileNameWithoutExtension(name);
            if (memo?.FindPage(fullPath) is { } known)
            {
                pages[i] = new ExistingPage(shown, fullPath, slug, known.Id, known.Date, known.SourceHash, known.Seal, null) { Remembered = true };
                return;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                pages[i] = new ExistingPage(shown, fullPath, slug, null, null, null, null, null,
                    new PageDamage(0, 0, $"cannot read the file ({e.Message})"));
                return;
            }

            var text = Utf8Text.Decode(bytes, out _);
            var page = pages[i] = Page(shown, fullPath, slug, text);
            if (memo is not null && KnownOf(page) is { } read)
            {
                memo.KeepPage(fullPath, read);
            }
        });
        return pages;
    }

    /// <summary>What reading a page with this text would give the memo: an intact generated page's lines and seal, else null.</summary>
    public static KnownPage? Known(string shown, string fullPath, string slug, string text) => KnownOf(Page(shown, fullPath, slug, text));

    private static KnownPage? KnownOf(ExistingPage page) =>
        page is { Seal: { } seal, Damage: null, Id: { } id, Date: { } date, SourceHash: { } sourceHash, IsBlank: false }
            ? new KnownPage(id, date, sourceHash, seal)
            : null;

    private static ExistingPage Page(string shown, string fullPath, string slug, string text)
    {
        var seal = PageSeal.IntactSeal(text);
        var normalized = PageSeal.NormalizeNewlines(text).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(normalized))
        {
            return new ExistingPage(shown, fullPath, slug, null, null, null, null, text, new PageDamage(1, 1, "the page is empty"));
        }

        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            // No front matter: a hand-written page, or one whose first '---' was lost.
            var head = Head(normalized);
            var damage = LenientField(head, IdLine()) is null && LenientField(head, SourceHashLine()) is null
                ? null
                : new PageDamage(1, 1, "the front matter's opening '---' is missing");
            return Lenient(shown, fullPath, slug, text, normalized, seal, damage);
        }

        var end = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return Lenient(shown, fullPath, slug, text, normalized, seal, new PageDamage(1, 1, "the front matter has no closing '---'"));
        }

        if (seal is not null && Generated(shown, fullPath, slug, text, seal, normalized[..end]) is { } generated)
        {
            return generated;
        }

        var node = SafeYaml.Load(normalized[4..(end + 1)], out var problem);
        if (problem is not null)
        {
            // Marks are relative to the front-matter block, which starts on the file's line 2.
            return Lenient(shown, fullPath, slug, text, normalized, seal,
                new PageDamage(problem.Line + 1, problem.Column, "the front matter is not valid YAML (see SG0207)"));
        }

        if (node is not null and not YamlMappingNode)
        {
            return Lenient(shown, fullPath, slug, text, normalized, seal, new PageDamage(2, 1, "the front matter is not a mapping of fields"));
        }

        var fields = node as YamlMappingNode;
        return new ExistingPage(shown, fullPath, slug, Field(fields, "id"), Field(fields, "date"), Field(fields, "source_hash"), seal, text);
    }

    /// <summary>
    /// The fields of a page this importer wrote and nobody changed since (its seal holds): one line each, as
    /// <see cref="RenderPage"/> writes them, so they are read without building a YAML tree (most of a re-import's time).
    /// </summary>
    private static ExistingPage? Generated(string shown, string fullPath, string slug, string text, string seal, string head)
    {
        var id = LenientField(head, IdLine());
        var date = LenientField(head, DateLine());
        var sourceHash = LenientField(head, SourceHashLine());
        return id is null || date is null || sourceHash is null ? null : new ExistingPage(shown, fullPath, slug, id, date, sourceHash, seal, text);
    }

    private static ExistingPage Lenient(string shown, string fullPath, string slug, string text, string normalized, string? seal, PageDamage? damage)
    {
        var head = Head(normalized);
        return new ExistingPage(shown, fullPath, slug, LenientField(head, IdLine()), LenientField(head, DateLine()),
            LenientField(head, SourceHashLine()), seal, text, damage);
    }

    /// <summary>The front-matter part of a page: up to its second <c>---</c> line, or its first lines.</summary>
    private static string Head(string normalized)
    {
        var close = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (close >= 0)
        {
            return normalized[..close];
        }

        var lines = normalized.Split('\n');
        return string.Join('\n', lines.Take(LenientLines));
    }

    private static string? LenientField(string head, Regex line)
    {
        var match = line.Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? Field(YamlMappingNode? fields, string key) =>
        fields is not null && fields.Children.TryGetValue(new YamlScalarNode(key), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } s } ? s : null;

    [GeneratedRegex(@"^id:[ \t]*[""']?([0-9a-f]{12})[""']?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^source_hash:[ \t]*[""']?(sha256:[0-9a-f]{64})[""']?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SourceHashLine();

    [GeneratedRegex(@"^date:[ \t]*[""']?([0-9]{4}-[0-9]{2}-[0-9]{2})[""']?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();
}
