using System.Globalization;
using System.Text;
using SiteGen.Common;
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
    private readonly ExtractTitle _titles = new();
    private readonly MakeSlug _slugs = new();
    private readonly MatchTags _tags = new();
    private readonly RenderPage _render = new();
    private readonly ReadExistingPages _existing = new();

    /// <param name="renders">What rendering each page gave in earlier imports (none: every page is rendered to compare).</param>
    public PageWriteCounts Write(IReadOnlyList<Article> articles, SiteConfig config, DiagnosticBag diagnostics, TimeProvider clock, IPageRenderMemo? renders = null)
    {
        var shownDir = config.ContentDir.Replace('\\', '/').TrimEnd('/');
        if (File.Exists(config.ContentDir))
        {
            diagnostics.Error(ImportCodes.ContentDirIsFile, shownDir, 0, 0,
                "the content folder is a file; move it away or pass another folder with --content DIR");
            return new PageWriteCounts(0, 0, 0, 0);
        }

        var existing = _existing.Read(config.ContentDir, renders);
        var claims = new PageClaims(existing, _render);
        var taken = ReservedNames(config.ContentDir);
        var today = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A feed item's own title and date win over the ones derived from text and from the first import. Each article's
        // alone, so on all cores (on one, the titles were a tenth of a rebuild after one new article).
        var facts = new Syndication.ArticleFacts[articles.Count];
        var titles = new string[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            facts[i] = Syndication.ArticleFacts.Of(articles[i]);
            titles[i] = facts[i].Title ?? _titles.From(articles[i].Body.Text);
        });

        // Which page each article gets (claims and new slugs) is decided in article order; what is written, in parallel.
        var claimedBy = new Dictionary<ExistingPage, Article>();
        var placed = new PlacedArticle[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var title = titles[i];
            var page = claims.Find(article, title);
            if (page is not null)
            {
                claimedBy[page] = article;
            }

            var id = page?.Id ?? article.Id;
            var slug = page?.Slug ?? _slugs.From(title, id, taken);
            var date = facts[i].Date ?? (page?.Date is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? d : today);
            placed[i] = new PlacedArticle(article, page, new PageIdentity(id, slug, date, title, []) { Facts = facts[i] });
        }

        var outcomes = new PageOutcome[placed.Length];
        Parallel.For(0, placed.Length, i => outcomes[i] = WriteOne(placed[i], config, shownDir, diagnostics, renders));
        ReportDamaged(existing, claims, claimedBy, diagnostics);
        return new PageWriteCounts(
            outcomes.Count(o => o == PageOutcome.Created),
            outcomes.Count(o => o == PageOutcome.Updated),
            outcomes.Count(o => o == PageOutcome.Unchanged),
            outcomes.Count(o => o == PageOutcome.Kept));
    }

    private PageOutcome WriteOne(PlacedArticle placed, SiteConfig config, string shownDir, DiagnosticBag diagnostics, IPageRenderMemo? renders)
    {
        var (article, page, placedIdentity) = placed;
        var versions = new[] { article.Body }.Concat(article.OtherVersions).Select(v => v.Text);
        var identity = placedIdentity with { Tags = _tags.For(versions, placedIdentity.Facts!.Categories, config.Taxonomy) };
        var slug = identity.Slug;
        var key = renders is null ? null : RenderKey.Of(article, identity);
        if (key is not null && page is { Seal: { } seal } && renders!.Find(key) is { } known && known.Seal == seal)
        {
            // The same inputs rendered this very page before, and nobody touched it since.
            renders.Keep(key, known);
            foreach (var diagnostic in known.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return PageOutcome.Unchanged;
        }

        var reported = new DiagnosticBag();
        var text = _render.Render(article, identity, reported);
        var found = reported.Snapshot();
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        if (key is not null && PageSeal.SealOf(text) is { } rendered)
        {
            renders!.Keep(key, new RenderedPageMemo(rendered, found));
        }

        if (page is null)
        {
            return Write(config.ContentDir, slug, text, $"{shownDir}/{slug}.md", diagnostics, renders) == 1 ? PageOutcome.Created : PageOutcome.Failed;
        }

        // A page remembered from its hash is read now; edited since the build hashed it, it is a person's page.
        var current = page.CurrentText();
        var stillIntact = !page.Remembered || (current is not null && PageSeal.IntactSeal(current) == page.Seal);
        if ((page.Intact && stillIntact) || page.IsBlank)
        {
            if (current is not null && PageSeal.NormalizeNewlines(current) == text)
            {
                return PageOutcome.Unchanged;
            }

            return Write(config.ContentDir, slug, text, page.Path, diagnostics, renders) == 1 ? PageOutcome.Updated : PageOutcome.Failed;
        }

        if (page.Damage is null && page.SourceHash is { } old && old != $"sha256:{RenderPage.SourceHash(article)}")
        {
            diagnostics.Warning(ImportCodes.EditedPageHasNewerVersion, $"{shownDir}/{slug}.md", 1, 1,
                $"page was edited by hand, so it was kept, but the feeds now carry a different version of this article " +
                $"({article.Body.Path}:{article.Body.Line}, {article.OtherVersions.Count + 1} version(s)); merge it by hand, " +
                "or delete the page to regenerate it.");
        }

        return PageOutcome.Kept;
    }

    private sealed record PlacedArticle(Article Article, ExistingPage? Page, PageIdentity Identity);

    private enum PageOutcome
    {
        Created,
        Updated,
        Unchanged,
        Kept,
        Failed,
    }

    /// <summary>One warning per page whose front matter cannot be read: kept byte for byte, and what it still holds.</summary>
    private static void ReportDamaged(IReadOnlyList<ExistingPage> existing, PageClaims claims, Dictionary<ExistingPage, Article> claimedBy, DiagnosticBag diagnostics)
    {
        foreach (var page in existing.Where(p => p.Damage is not null && !p.IsBlank))
        {
            var damage = page.Damage!;
            if (claimedBy.TryGetValue(page, out var article))
            {
                diagnostics.Warning(ImportCodes.DamagedPageClaimsArticle, page.Path, damage.Line, damage.Column,
                    $"{damage.Message}, so the page is kept as it is; it still holds the article of {article.Body.Path}:{article.Body.Line} " +
                    $"(recognised by {claims.HowClaimed(page)}) and no second page was written for it. Fix the front matter, or delete the page to have it regenerated");
            }
            else
            {
                diagnostics.Warning(ImportCodes.UnreadablePage, page.Path, damage.Line, damage.Column,
                    $"{damage.Message}, so the page is kept as it is and its name stays reserved");
            }
        }
    }

    /// <summary>
    /// Writes one page; 1 when written, 0 (after a warning) when the file system refused. The memo learns what reading
    /// the page back would give, by the hash of the bytes written, so the next import does not read it to find out.
    /// </summary>
    private static int Write(string contentDir, string slug, string text, string shown, DiagnosticBag diagnostics, IPageRenderMemo? memo)
    {
        try
        {
            var path = Path.Combine(contentDir, slug + ".md");
            // GetBytes never writes a byte order mark: these are the bytes the next build hashes.
            var bytes = Encoding.UTF8.GetBytes(text);
            AtomicFile.WriteAllBytes(path, bytes);
            if (memo is not null && ReadExistingPages.Known(shown, path, slug, text) is { } known)
            {
                memo.KeepPage(path, known, InputHash.OfBytes(bytes));
            }

            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(ImportCodes.UnwritablePage, shown, 0, 0,
                $"cannot write the page ({e.Message}); its article is missing from content/ until the next import can write it");
            return 0;
        }
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
}
