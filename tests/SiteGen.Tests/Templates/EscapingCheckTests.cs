using SiteGen.Diagnostics;

namespace SiteGen.Tests.Templates;

/// <summary>The escaping rule is checked on the syntax tree when templates load, for the theme and a user's templates alike.</summary>
public sealed class EscapingCheckTests
{
    [Theory]
    [InlineData("{{ page.title | escape }}")]
    [InlineData("{{ page.title | html.escape }}")]
    [InlineData("{{ html.escape page.title }}")]
    [InlineData("{{ page.title | string.truncate 10 | escape }}")]
    [InlineData("{{ t 'nav_tags' }}")]
    [InlineData("{{ t 'page_count' 1 2 }}")]
    [InlineData("{{ 'literal <b>' }}")]
    [InlineData("{{ 42 }}")]
    [InlineData("{{ page.kind == 'home' ? ' aria-current=\"page\"' : '' }}")]
    [InlineData("{{ article.body_html }}")]
    [InlineData("{{ x = page.title }}{{ x | escape }}")]
    [InlineData("{{ include 'partials/p.sbn-html' }}")]
    [InlineData("{{ if page.title }}<b>{{ page.title | escape }}</b>{{ end }}")]
    [InlineData("{{ page.url | safe_url | escape }}")]
    public void AllowedForms(string template)
    {
        using var theme = new ThemeKit().With("partials/p.sbn-html", "p").With("pages/x.sbn-html", template);
        theme.Load();
        Assert.Empty(theme.Diagnostics.Snapshot());
    }

    [Theory]
    [InlineData("{{ page.title }}", "SG0405")]
    [InlineData("{{ page.title | string.upcase }}", "SG0405")]
    [InlineData("{{ page.title | escape | string.replace '&lt;' '<' }}", "SG0405")]
    [InlineData("{{ page.kind == 'home' ? page.title : '' }}", "SG0405")]
    [InlineData("{{ 'a' + page.title }}", "SG0405")]
    [InlineData("{{ page.url | safe_url }}", "SG0405")]
    [InlineData("{{ $1 }}", "SG0405")]
    [InlineData("{{ page[\"body_html\"] }}", "SG0405")]
    [InlineData("{{ func f; ret page.title; end }}{{ f }}", "SG0405")]
    [InlineData("{{ content = page.title }}", "SG0407")]
    [InlineData("{{ x_html = page.title }}", "SG0407")]
    [InlineData("{{ for card_html in cards }}{{ end }}", "SG0407")]
    [InlineData("{{ capture content }}x{{ end }}", "SG0407")]
    [InlineData("{{ o = { body_html: page.title } }}", "SG0407")]
    [InlineData("{{ object.eval 'x' }}", "SG0406")]
    [InlineData("{{ x = page.title | object.eval_template }}", "SG0406")]
    [InlineData("{{ t 'no_such_word' }}", "SG0415")]
    public void RefusedForms(string template, string code)
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", template);
        theme.Load();
        var error = Assert.Single(theme.Diagnostics.Snapshot());
        Assert.Equal((code, Severity.Error, theme.Display("pages/x.sbn-html"), 1), (error.Code, error.Severity, error.File, error.Line));
    }

    [Fact]
    public void UnescapedTitleInAUserTemplateNamesItsFileLineAndColumn()
    {
        using var theme = new ThemeKit(plainLayout: false)
            .With("pages/article.sbn-html", "<article>\n  {{ if article.title }}\n    <h1>{{ page.title }}</h1>\n  {{ end }}\n</article>");
        theme.Load();
        var error = Assert.Single(theme.Diagnostics.Snapshot());
        Assert.Equal(("SG0405", theme.Display("pages/article.sbn-html"), 3, 12), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'page.title'", error.Message);
        Assert.Contains("| escape", error.Message);
    }

    [Fact]
    public void TheBuiltInThemeFollowsTheRule()
    {
        var bag = new DiagnosticBag();
        var set = SiteGen.Templates.TemplateSet.Load("no-such-templates", bag);
        Assert.Empty(bag.Snapshot());
        Assert.Contains("layouts/base.sbn-html", set.Names);
    }
}
