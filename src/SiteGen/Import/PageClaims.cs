using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>
/// Finds the page in <c>content/</c> that already holds an article, so an article never gets a second page.
/// First by id (of any version: the first occurrence can change when feeds are added). A page without a
/// readable id (its front matter is broken, or its <c>id</c> line is gone) is still recognised by its
/// <c>source_hash</c> line or its body; a page whose front matter cannot be read at all, finally, by its file name.
/// </summary>
internal sealed class PageClaims
{
    private readonly Dictionary<string, ExistingPage> _byId = new(StringComparer.Ordinal);
    private readonly List<ExistingPage> _withoutId;
    private readonly HashSet<ExistingPage> _claimed = [];
    private readonly Dictionary<ExistingPage, string> _how = [];
    private readonly RenderPage _render;

    public PageClaims(IReadOnlyList<ExistingPage> existing, RenderPage render)
    {
        _render = render;
        foreach (var page in existing.Where(p => p.Id is not null))
        {
            _byId.TryAdd(page.Id!, page);
        }

        _withoutId = existing.Where(p => p.Id is null && (p.Damage is not null || p.SourceHash is not null)).ToList();
    }

    /// <summary>How each damaged page that claimed an article was recognised, for the warning.</summary>
    public string? HowClaimed(ExistingPage page) => _how.GetValueOrDefault(page);

    public ExistingPage? Find(Article article, string title)
    {
        var ids = new[] { article.Id }
            .Concat(new[] { article.Body }.Concat(article.OtherVersions).Select(v => TextKey.IdOf(TextKey.Normalize(v.Text))));
        foreach (var id in ids)
        {
            if (_byId.TryGetValue(id, out var page) && Claim(page, "its id line"))
            {
                return page;
            }
        }

        if (_withoutId.Count == 0 || _withoutId.All(_claimed.Contains))
        {
            return null;
        }

        var hash = $"sha256:{RenderPage.SourceHash(article)}";
        foreach (var page in _withoutId.Where(p => p.SourceHash == hash))
        {
            if (Claim(page, "its source_hash line"))
            {
                return page;
            }
        }

        // The body the importer would write, as it would write it: a page holding it unchanged is this article's.
        var body = Squash(BodyOf(_render.Render(article, new PageIdentity(article.Id, article.Id, "", title, []), new DiagnosticBag())));
        foreach (var page in _withoutId.Where(p => p.Text is not null && !p.IsBlank && body.Length > 0))
        {
            if (Squash(page.Text!).Contains(body, StringComparison.Ordinal) && Claim(page, "its text"))
            {
                return page;
            }
        }

        var name = MakeSlug.Readable(title) ?? article.Id;
        foreach (var page in _withoutId.Where(p => p.Damage is not null && string.Equals(p.Slug, name, StringComparison.OrdinalIgnoreCase)))
        {
            if (Claim(page, "its file name"))
            {
                return page;
            }
        }

        return null;
    }

    private bool Claim(ExistingPage page, string how)
    {
        if (!_claimed.Add(page))
        {
            return false;
        }

        _how[page] = how;
        return true;
    }

    private static string BodyOf(string pageText)
    {
        var end = pageText.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var body = end < 0 ? pageText : pageText[(end + 5)..];
        var others = body.IndexOf("\n## " + RenderPage.OtherVersionsHeading + "\n", StringComparison.Ordinal);
        return others < 0 ? body : body[..others];
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
