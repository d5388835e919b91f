using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>What goes into one page besides the article itself; decided by <see cref="WritePages"/>.</summary>
internal sealed record PageIdentity(string Id, string Slug, string Date, string Title, IReadOnlyList<string> Tags)
{
    /// <summary>Link and author from the article's feed items (none for text lines).</summary>
    public Syndication.ArticleFacts? Facts { get; init; }
}

/// <summary>Writes an article as a page: YAML front matter (sealed with <c>generated</c>) and the Markdown body.</summary>
internal sealed class RenderPage
{
    public const string OtherVersionsHeading = "其他版本";

    private readonly FormatMarkdown _format = new();

    public string Render(Article article, PageIdentity page, DiagnosticBag diagnostics)
    {
        var head = new StringBuilder()
            .Append("---\n")
            .Append("id: ").Append(page.Id).Append('\n')
            .Append("title: ").Append(Quote(page.Title)).Append('\n')
            .Append("slug: ").Append(page.Slug).Append('\n')
            .Append("date: ").Append(page.Date).Append('\n')
            .Append("tags: [").AppendJoin(", ", page.Tags.Select(Scalar)).Append("]\n");
        // Only articles from RSS, Atom or JSON Feed items have these: text-feed pages stay byte for byte as they were.
        if (page.Facts?.Link is { } link)
        {
            head.Append("link: ").Append(Quote(link)).Append('\n');
        }
        if (page.Facts?.Author is { } author)
        {
            head.Append("author: ").Append(Quote(author)).Append('\n');
        }
        head.Append("sources:\n");
        foreach (var source in article.Sources)
        {
            head.Append("  - feed: ").Append(Scalar(source.Feed)).Append('\n')
                .Append("    line: ").Append(source.Line.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (source.Item is { } item)
            {
                head.Append("    item: ").Append(item.Position.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        head.Append("truncated: ").Append(IsTruncated(article.Body.Text) ? "true" : "false").Append('\n')
            .Append("source_hash: sha256:").Append(SourceHash(article)).Append('\n');

        var body = new StringBuilder()
            .Append("---\n\n")
            .Append(article.Body.Item?.Markdown ?? _format.Format(article.Body, headingLevel: 2, diagnostics));
        if (article.OtherVersions.Count > 0)
        {
            body.Append("\n## ").Append(OtherVersionsHeading).Append('\n');
            foreach (var version in article.OtherVersions)
            {
                body.Append("\n### ").Append(MarkdownEscaper.Inline($"{version.Feed}:{version.Line}")).Append("\n\n");
                if (version.Item is { } item)
                {
                    // An item's own title is part of its text; the page shows only one title.
                    if (item.Title is { } title && title != page.Title)
                    {
                        body.Append("#### ").Append(MarkdownEscaper.Inline(title)).Append("\n\n");
                    }
                    body.Append(Syndication.ItemEntries.VersionMarkdown(item));
                }
                else
                {
                    body.Append(_format.Format(version, headingLevel: 4, diagnostics));
                }
            }
        }
        return PageSeal.Seal(head.ToString(), body.ToString());
    }

    /// <summary>Identifies the set of versions a page was generated from, so an edited page can be told it is out of date.</summary>
    public static string SourceHash(Article article) =>
        PageSeal.Hash(string.Join("\n\u0000\n", new[] { article.Body }.Concat(article.OtherVersions)
            .Select(v => TextKey.Normalize(v.Text) + (v.Item?.Link is { } link ? "\u0001" + link : ""))));

    internal static bool IsTruncated(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…');
    }

    /// <summary>A YAML double-quoted scalar; escapes what YAML would otherwise fold or reject.</summary>
    internal static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case < ' ' or '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF':
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Plain when YAML reads it back as the same string, else double-quoted.</summary>
    internal static string Scalar(string value)
    {
        var plain = value.Length > 0
            && value.Trim() == value
            && value.IndexOfAny("[]{},:#&*!|>'\"%@`\\".ToCharArray()) < 0
            && !"-?".Contains(value[0])
            && !value.Any(char.IsControl)
            && !IsYamlKeyword(value);
        return plain ? value : Quote(value);
    }

    private static bool IsYamlKeyword(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~"
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
