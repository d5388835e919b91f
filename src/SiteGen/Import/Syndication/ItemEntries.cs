using SiteGen.Diagnostics;

namespace SiteGen.Import.Syndication;

/// <summary>An item as a reader found it, before its body is converted.</summary>
/// <param name="Line">1-based line of the item's start tag or object.</param>
/// <param name="Column">1-based column of it.</param>
/// <param name="TitleIsHtml">Atom <c>type="html"</c>/<c>"xhtml"</c> titles are markup; RSS and JSON titles are text.</param>
/// <param name="BadDates">Date strings that could not be read (each is a warning; the item keeps no date from them).</param>
internal sealed record RawItem(
    FeedFormat Format,
    int Position,
    int Line,
    int Column,
    string? Title,
    bool TitleIsHtml,
    string? Link,
    string? Guid,
    string? Author,
    IReadOnlyList<string> Categories,
    DateTimeOffset? Date,
    ItemBody? Body,
    Uri? BaseUrl,
    IReadOnlyList<string> BadDates);

/// <summary>
/// Turns a <see cref="RawItem"/> into a <see cref="FeedEntry"/>: the body converted to Markdown, the title and
/// link checked, and the text deduplication compares (title and reduced body, the title left out when the body
/// already names it in its opening words, so the same article as a text line and as an item normalizes alike).
/// </summary>
internal sealed class ItemEntries(string feed, string shownPath, DiagnosticBag diagnostics)
{
    private readonly HtmlToMarkdown _converter = new();

    public FeedEntry? Create(RawItem raw)
    {
        var where = $"item {raw.Position}";
        foreach (var bad in raw.BadDates)
        {
            Warn(ImportCodes.BadItemDate, raw, $"{where}: date '{Shorten(bad)}' is not an RFC 822 or RFC 3339 date; the page gets the import date. Write it like 'Mon, 01 Apr 2024 10:00:00 +0800' or '2024-04-01T10:00:00+08:00'.");
        }

        var title = Clean(raw.Title, raw, where);
        if (title is not null && raw.TitleIsHtml)
        {
            var convertedTitle = _converter.Convert(new ItemBody(title, IsHtml: true), 2, null);
            WarnNotText(convertedTitle, raw, where);
            title = convertedTitle.Text;
        }
        title = title is null ? null : Common.Whitespace.Collapse(title);
        title = string.IsNullOrEmpty(title) ? null : title;

        var link = SafeUrl.Http(raw.Link, raw.BaseUrl);
        if (link is null && !string.IsNullOrWhiteSpace(raw.Link))
        {
            Warn(ImportCodes.UnsafeItemLink, raw, $"{where}: link '{Shorten(raw.Link)}' is not an absolute http(s) URL; the page shows no link to the original.");
        }

        var body = raw.Body is { } b ? b with { Content = Clean(b.Content, raw, where) ?? "" } : new ItemBody("", IsHtml: false);
        var baseUrl = raw.BaseUrl ?? (link is null ? null : new Uri(link));
        var converted = _converter.Convert(body, topHeading: 2, baseUrl);
        WarnNotText(converted, raw, where);
        if (converted.Removed > 0)
        {
            Warn(ImportCodes.ContentRemoved, raw, $"{where}: left out {converted.Removed} script, style, frame, embed or unsafe (javascript:, data:) link or image; their text, if any, is kept.");
        }
        foreach (var formula in converted.Formulas)
        {
            Warn(ImportCodes.FormulaKeptAsText, raw, $"{where}: formula '{Shorten(formula)}' {FormatMarkdown.FormulaKeptAsTextReason}");
        }

        var text = converted.Text;
        if (title is not null && !OpensWith(text, title))
        {
            text = text.Length == 0 ? title : $"{title}\n{text}";
        }
        if (text.Length == 0)
        {
            Warn(ImportCodes.EmptyItem, raw, $"{where} has no title and no text; nothing to import from it.");
            return null;
        }

        var categories = raw.Categories.Select(c => Clean(c, raw, where)).OfType<string>()
            .Select(Common.Whitespace.Collapse).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var author = Clean(raw.Author, raw, where) is { } a && Common.Whitespace.Collapse(a) is { Length: > 0 } collapsed ? collapsed : null;
        var item = new FeedItem(raw.Format, raw.Position, title, link, raw.Guid?.Trim() is { Length: > 0 } g ? g : null,
            author, categories, raw.Date, body, converted.Markdown, baseUrl);
        return new FeedEntry(feed, shownPath, raw.Line, text) { Item = item };
    }

    /// <summary>The item's body as Markdown for another version's section (headings one level below it).</summary>
    public static string VersionMarkdown(FeedItem item) =>
        new HtmlToMarkdown().Convert(item.Body, topHeading: 4, item.BaseUrl).Markdown;

    private string? Clean(string? text, RawItem raw, string where)
    {
        if (text is null)
        {
            return null;
        }
        var (clean, first) = ControlCharacters.Replace(text);
        if (first is not null)
        {
            Warn(ImportCodes.ControlCharacter, raw, $"{where}: {first} replaced by U+FFFD; remove it from the feed.");
        }
        return clean;
    }

    /// <summary>
    /// Whether the body already names the title in its opening words. A dump's line of the same article often
    /// starts with a section label (前言, Overview) before the title; prepending the title again would misalign the
    /// two versions, and dedup merges only aligned truncations and small edits.
    /// </summary>
    private static bool OpensWith(string text, string title)
    {
        var body = TextKey.Normalize(text);
        var name = TextKey.Normalize(title);
        if (body.StartsWith(name, StringComparison.Ordinal))
        {
            return true;
        }

        // Later than the first character only as a whole word, so a short title ("s") is not found inside "summary".
        for (var at = body.Length > 1 ? body.IndexOf(name, 1, StringComparison.Ordinal) : -1; at > 0 && at <= TitleSearchLength;
             at = body.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (IsBoundary(body[at - 1]) && (end == body.Length || IsBoundary(body[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);

    /// <summary>How far into the body (in normalized characters) the title may start and still count as named.</summary>
    private const int TitleSearchLength = 32;

    private void WarnNotText(ConvertedBody converted, RawItem raw, string where)
    {
        if (converted.NotText is { } what)
        {
            Warn(ImportCodes.ControlCharacter, raw, $"{where}: a character reference decodes to {what}, replaced by U+FFFD; remove it from the feed.");
        }
    }

    private void Warn(string code, RawItem raw, string message) => diagnostics.Warning(code, shownPath, raw.Line, raw.Column, message);

    internal static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
