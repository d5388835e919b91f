using System.Security.Cryptography;
using System.Text;
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
}

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
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var key = new Writer(sha);
        key.Text(page.Id).Text(page.Slug).Text(page.Date).Text(page.Title).Texts(page.Tags);
        if (page.Facts is { } facts)
        {
            key.Text("facts").Text(facts.Title).Text(facts.Date).Text(facts.Link).Text(facts.Author).Texts(facts.Categories);
        }

        key.Text(article.Id);
        key.Entry(article.Body);
        key.Entries(article.OtherVersions);
        key.Entries(article.Sources);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Length-prefixed fields, so no two different inputs write the same bytes.</summary>
    private sealed class Writer(IncrementalHash sha)
    {
        public Writer Text(string? value)
        {
            if (value is null)
            {
                return Number(-1);
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            Number(bytes.Length);
            sha.AppendData(bytes);
            return this;
        }

        public Writer Number(long value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(long)];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            sha.AppendData(bytes);
            return this;
        }

        public Writer Texts(IReadOnlyList<string> values)
        {
            Number(values.Count);
            foreach (var value in values)
            {
                Text(value);
            }

            return this;
        }

        public Writer Entries(IReadOnlyList<FeedEntry> entries)
        {
            Number(entries.Count);
            foreach (var entry in entries)
            {
                Entry(entry);
            }

            return this;
        }

        public Writer Entry(FeedEntry entry)
        {
            Text(entry.Feed).Text(entry.Path).Number(entry.Line).Text(entry.Text);
            if (entry.Item is not { } item)
            {
                return Number(0);
            }

            Number(1).Number((int)item.Format).Number(item.Position).Text(item.Title).Text(item.Link).Text(item.Guid).Text(item.Author)
                .Texts(item.Categories).Number(item.Date?.UtcTicks ?? -1).Number(item.Date?.Offset.Ticks ?? 0)
                .Text(item.Body.Content).Number(item.Body.IsHtml ? 1 : 0).Text(item.Markdown).Text(item.BaseUrl?.OriginalString);
            return this;
        }
    }
}
