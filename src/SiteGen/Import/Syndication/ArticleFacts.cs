using System.Globalization;

namespace SiteGen.Import.Syndication;

/// <summary>
/// What an article's feed items say about its page, over every occurrence (a text line carries none of it):
/// the first title, the earliest date (as written in its feed, so the author's day), the first link and author
/// (the body's own first), and every category.
/// </summary>
internal sealed record ArticleFacts(string? Title, string? Date, string? Link, string? Author, IReadOnlyList<string> Categories)
{
    public static ArticleFacts Of(Article article)
    {
        var items = new[] { article.Body }.Concat(article.OtherVersions).Concat(article.Sources)
            .Select(e => e.Item).OfType<FeedItem>().Distinct().ToList();
        if (items.Count == 0)
        {
            return new ArticleFacts(null, null, null, null, []);
        }
        var earliest = items.Where(i => i.Date is not null).MinBy(i => i.Date!.Value.UtcDateTime)?.Date;
        return new ArticleFacts(
            items.Select(i => i.Title).FirstOrDefault(t => t is not null),
            earliest?.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            items.Select(i => i.Link).FirstOrDefault(l => l is not null),
            items.Select(i => i.Author).FirstOrDefault(a => a is not null),
            items.SelectMany(i => i.Categories).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
