using System.Globalization;
using System.Text;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>
/// Writes one <c>content/&lt;slug&gt;.md</c> per article. Existing pages keep their id, slug and date; a page
/// that no longer matches its <c>generated</c> seal was edited by a person and is never overwritten.
/// Unchanged pages are not touched at all, and every write is a temp file moved into place.
/// </summary>
public sealed class WritePages
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ExtractTitle _titles = new();
    private readonly MakeSlug _slugs = new();
    private readonly MatchTags _tags = new();
    private readonly RenderPage _render = new();
    private readonly ReadExistingPages _existing = new();

    public PageWriteCounts Write(IReadOnlyList<Article> articles, SiteConfig config, DiagnosticBag diagnostics, TimeProvider clock)
    {
        var existing = _existing.Read(config.ContentDir, diagnostics);
        var byId = new Dictionary<string, ExistingPage>(StringComparer.Ordinal);
        foreach (var page in existing.Where(p => p.Id is not null))
        {
            byId.TryAdd(page.Id!, page);
        }
        var taken = ReservedNames(config.ContentDir);
        var claimed = new HashSet<ExistingPage>();
        var today = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shownDir = config.ContentDir.Replace('\\', '/').TrimEnd('/');

        int created = 0, updated = 0, unchanged = 0, kept = 0;
        foreach (var article in articles)
        {
            var page = FindPage(article, byId, claimed);
            // A feed item's own title and date win over the ones derived from text and from the first import.
            var facts = Syndication.ArticleFacts.Of(article);
            var title = facts.Title ?? _titles.From(article.Body.Text);
            var id = page?.Id ?? article.Id;
            var slug = page?.Slug ?? _slugs.From(title, id, taken);
            var date = facts.Date ?? (page?.Date is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? d : today);
            var versions = new[] { article.Body }.Concat(article.OtherVersions).Select(v => v.Text);
            var identity = new PageIdentity(id, slug, date, title, _tags.For(versions, facts.Categories, config.Taxonomy)) { Facts = facts };
            var text = _render.Render(article, identity, diagnostics);

            if (page is null)
            {
                WriteAtomically(config.ContentDir, slug, text);
                created++;
            }
            else if (page.Intact)
            {
                if (PageSeal.NormalizeNewlines(page.Text) == text)
                {
                    unchanged++;
                }
                else
                {
                    WriteAtomically(config.ContentDir, slug, text);
                    updated++;
                }
            }
            else
            {
                kept++;
                if (page.SourceHash is { } old && old != $"sha256:{RenderPage.SourceHash(article)}")
                {
                    diagnostics.Warning(ImportCodes.EditedPageHasNewerVersion, $"{shownDir}/{slug}.md", 1, 1,
                        $"page was edited by hand, so it was kept, but the feeds now carry a different version of this article " +
                        $"({article.Body.Path}:{article.Body.Line}, {article.OtherVersions.Count + 1} version(s)); merge it by hand, " +
                        "or delete the page to regenerate it.");
                }
            }
        }
        return new PageWriteCounts(created, updated, unchanged, kept);
    }

    /// <summary>The page generated earlier from any version of this article (the first occurrence can change when feeds are added).</summary>
    private static ExistingPage? FindPage(Article article, Dictionary<string, ExistingPage> byId, HashSet<ExistingPage> claimed)
    {
        var ids = new[] { article.Id }
            .Concat(new[] { article.Body }.Concat(article.OtherVersions).Select(v => TextKey.IdOf(TextKey.Normalize(v.Text))));
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var page) && claimed.Add(page))
            {
                return page;
            }
        }
        return null;
    }

    /// <summary>Every name in the content folder, case-insensitively: new slugs must not collide on any filesystem.</summary>
    private static HashSet<string> ReservedNames(string contentDir)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(contentDir))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(contentDir))
            {
                var name = Path.GetFileName(entry);
                taken.Add(name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name);
            }
        }
        return taken;
    }

    private static void WriteAtomically(string contentDir, string slug, string text)
    {
        Directory.CreateDirectory(contentDir);
        var target = Path.Combine(contentDir, slug + ".md");
        var temp = Path.Combine(contentDir, $".{slug}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
