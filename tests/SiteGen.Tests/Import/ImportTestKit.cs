using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Config;
using SiteGen.Markdown;

namespace SiteGen.Tests.Import;

/// <summary>Shared helpers: repository paths, temp folders, a fixed clock, and rendering a page body to text per section.</summary>
internal static class ImportTestKit
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelineFactory.Create();

    public static string RepoRoot => Support.RepoPaths.Root;

    public static string SeedsDir => Path.Combine(RepoRoot, "seeds");

    public static string TestFiles => Path.Combine(AppContext.BaseDirectory, "TestFiles", "Import");

    public static string SourceTestFiles => Path.Combine(RepoRoot, "tests", "SiteGen.Tests", "TestFiles", "Import");

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static SiteConfig Config(string seeds, string content) => new()
    {
        SeedsDir = seeds,
        ContentDir = content,
        Taxonomy = new Dictionary<string, IReadOnlyList<string>>
        {
            ["生成模型"] = ["diffusion", "normalizing flow", "VAE", "GAN"],
            ["大语言模型"] = ["LLM", "大模型"],
        },
    };

    /// <summary>NFKC and no whitespace at all: "equal modulo whitespace".</summary>
    public static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Markdown after the front matter.</summary>
    public static string BodyOf(string page)
    {
        var end = page.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return page[(end + 5)..];
    }

    public static string FrontMatterOf(string page)
    {
        var end = page.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return page[4..(end + 1)];
    }

    /// <summary>Rendered text per section: "" for the body, "feed:line" for each other version.</summary>
    public static Dictionary<string, string> SectionTexts(string markdown)
    {
        var sections = new Dictionary<string, StringBuilder> { [""] = new() };
        string? current = "";
        foreach (var element in Parse(Html(markdown)).Body!.Children)
        {
            if (element.LocalName == "h2" && element.TextContent == "其他版本")
            {
                current = null;
                continue;
            }
            if (element.LocalName == "h3")
            {
                current = element.TextContent;
                sections[current] = new StringBuilder();
                continue;
            }
            Assert.NotNull(current);
            sections[current!].Append(element.TextContent).Append(' ');
        }
        return sections.ToDictionary(s => s.Key, s => s.Value.ToString());
    }
}

/// <summary>A clock stuck at one instant, so page dates are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class DateText
{
    public static string Of(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
