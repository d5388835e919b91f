using SiteGen.Common;
using SiteGen.Diagnostics;
using SiteGen.Import.Syndication;

namespace SiteGen.Import;

/// <summary>
/// Keeps, between imports, what rendering an article's page gave: the page's seal and the warnings rendering
/// reported. A page whose article and identity are unchanged, and whose file still carries that seal, is left
/// as it is without being rendered again (rendering every page to compare was most of a re-import).
/// </summary>
public interface IPageRenderMemo
{
    /// <summary>What rendering under <paramref name="key"/> gave before, or null.</summary>
    RenderedPageMemo? Find(string key);

    void Keep(string key, RenderedPageMemo rendered);

    /// <summary>
    /// What reading the page file <paramref name="fullPath"/> gave, when its bytes are still the ones it had then (the
    /// build knows each file's hash), or null: so an intact generated page is not read again to learn its id and seal.
    /// </summary>
    KnownPage? FindPage(string fullPath);

    /// <param name="bytesHash">The SHA-256 of the file's bytes when the import just wrote them; else the build's hash of the file is meant.</param>
    void KeepPage(string fullPath, KnownPage page, string? bytesHash = null);

    /// <summary>The MinHash band keys kept under <paramref name="key"/> (a text and the dedup settings), or null.</summary>
    ulong[]? FindBandKeys(string key);

    void KeepBandKeys(string key, ulong[] bandKeys);
}

/// <summary>A generated page that matched its seal when read: the front matter lines the import needs, and the seal.</summary>
public sealed record KnownPage(string Id, string Date, string SourceHash, string Seal);

/// <summary>A rendered page's seal (the SHA-256 of its text without the seal line) and the warnings rendering it reported.</summary>
public sealed record RenderedPageMemo(string Seal, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The key of everything <see cref="RenderPage.Render"/> reads: the page's identity and every field of every
/// entry of the article. <c>RenderKeyTests</c> fails when one of these records gains a field, so a new input
/// cannot be left out of the key unnoticed.
/// </summary>
internal static class RenderKey
{
    public static string Of(Article article, PageIdentity page)
    {
        using var key = InputHash.Of("page render");
        key.Add(page.Id).Add(page.Slug).Add(page.Date).Add(page.Title);
        Texts(key, page.Tags);
        if (page.Facts is { } facts)
        {
            key.Add("facts").Add(facts.Title).Add(facts.Date).Add(facts.Link).Add(facts.Author);
            Texts(key, facts.Categories);
        }

        key.Add(article.Id);
        Entry(key, article.Body);
        Entries(key, article.OtherVersions);
        Entries(key, article.Sources);
        return key.Finish();
    }

    private static void Texts(InputHash key, IReadOnlyList<string> values)
    {
        key.Add(values.Count);
        foreach (var value in values)
        {
            key.Add(value);
        }
    }

    private static void Entries(InputHash key, IReadOnlyList<FeedEntry> entries)
    {
        key.Add(entries.Count);
        foreach (var entry in entries)
        {
            Entry(key, entry);
        }
    }

    private static void Entry(InputHash key, FeedEntry entry)
    {
        key.Add(entry.Feed).Add(entry.Path).Add(entry.Line).Add(entry.Text);
        if (entry.Item is not { } item)
        {
            key.Add(0);
            return;
        }

        key.Add(1).Add((int)item.Format).Add(item.Position).Add(item.Title).Add(item.Link).Add(item.Guid).Add(item.Author);
        Texts(key, item.Categories);
        key.Add(item.Date?.UtcTicks ?? -1).Add(item.Date?.Offset.Ticks ?? 0)
            .Add(item.Body.Content).Add(item.Body.IsHtml ? 1 : 0).Add(item.Markdown).Add(item.BaseUrl?.OriginalString);
    }
}
