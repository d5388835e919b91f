using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// Search documents made from <c>seeds/*.txt</c> (one article per non-blank line after the header lines)
/// until the real pipeline feeds the stage, plus a synthetic corpus of any size for benchmarks.
/// Shared with SiteGen.Benchmarks as a linked file.
/// </summary>
public static partial class SeedCorpus
{
    private const int HeaderLines = 3;

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no SiteGen.sln with seeds/ above {AppContext.BaseDirectory}");
    }

    /// <summary>The distinct seed articles, in file and line order.</summary>
    public static IReadOnlyList<string> SeedLines()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Skip(HeaderLines))
            {
                var text = line.Trim();
                if (text.Length > 0 && seen.Add(text))
                {
                    lines.Add(text);
                }
            }
        }

        return lines;
    }

    public static IReadOnlyList<SearchDocument> Seeds() =>
        SeedLines().Select((line, i) => ToDocument(line, $"articles/seed-{i:000}/")).ToList();

    /// <summary>
    /// <paramref name="count"/> articles, each stitched from 8–20 random seed chunks (fixed seed), so term
    /// statistics resemble the seeds but every document differs.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Synthetic(int count, int seed = 42)
    {
        var chunks = SeedLines().SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(seed);
        var docs = new List<SearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var parts = new string[random.Next(8, 21)];
            for (var k = 0; k < parts.Length; k++)
            {
                parts[k] = chunks[random.Next(chunks.Length)];
            }

            docs.Add(ToDocument(string.Join(' ', parts), $"articles/gen-{i:00000}/"));
        }

        return docs;
    }

    /// <summary>Short space-separated chunks become headings (with ids), longer ones paragraphs.</summary>
    public static SearchDocument ToDocument(string line, string url)
    {
        var html = new StringBuilder();
        foreach (var chunk in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (chunk.Length <= 8 && !PunctuationRegex().IsMatch(chunk))
            {
                html.Append("<h2 id=\"").Append(WebUtility.HtmlEncode(chunk)).Append("\">")
                    .Append(WebUtility.HtmlEncode(chunk)).Append("</h2>\n");
            }
            else
            {
                html.Append("<p>").Append(Inline(chunk)).Append("</p>\n");
            }
        }

        return new SearchDocument(url, Title(line), html.ToString(), []);
    }

    private static string Title(string line)
    {
        var text = LeadRegex().Replace(line, string.Empty);
        var end = text.IndexOfAny(['。', ',', ',', '!', '?', ':', ':', '!', '?']);
        var title = end > 0 ? text[..end] : text;
        return title.Length > 40 ? title[..40] : title;
    }

    private static string Inline(string text)
    {
        var math = MathRegex().Replace(WebUtility.HtmlEncode(text), m => $"<span class=\"math\">{m.Value}</span>");
        return PlaceholderRegex().Replace(math, m => $"<span class=\"missing\" title=\"原文此处缺失公式\">{m.Value}</span>");
    }

    [GeneratedRegex(@"\\\(.*?\\\)")]
    private static partial Regex MathRegex();

    [GeneratedRegex(@"^[^\p{L}\p{N}]+")]
    private static partial Regex LeadRegex();

    [GeneratedRegex(@"\[(公式|Math)\]")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"[,。,:：(（)）!?！？\[\]\\.]")]
    private static partial Regex PunctuationRegex();
}
