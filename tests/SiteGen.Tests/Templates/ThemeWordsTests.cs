using SiteGen.Diagnostics;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

public sealed class ThemeWordsTests
{
    private static readonly TemplateSet Theme = TemplateSet.Load("no-such-templates", new DiagnosticBag());

    private static ThemeWords Words(string language, DiagnosticBag bag, params (string, string)[] overrides) =>
        Theme.Words(language, overrides.ToDictionary(o => o.Item1, o => o.Item2), "sitegen.yml", bag);

    [Fact]
    public void EveryLanguageTableHasEveryWord()
    {
        var files = EmbeddedTheme.Files.Where(f => f.StartsWith("i18n/", StringComparison.Ordinal)).ToList();
        Assert.Contains("i18n/zh-CN.yml", files);
        Assert.Contains("i18n/en.yml", files);
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var bag = new DiagnosticBag();
            Assert.Equal(language, Words(language, bag).Language);
            Assert.Empty(bag.Snapshot());
        }
    }

    [Fact]
    public void LanguageChoosesTheTableAndFallsBackToItsPrimarySubtagThenEnglish()
    {
        var bag = new DiagnosticBag();
        Assert.Equal("Skip to content", Words("en-GB", bag).Format("skip_to_content"));
        Assert.Equal("跳到正文", Words("zh-cn", bag).Format("skip_to_content"));
        Assert.Empty(bag.Snapshot());
        var french = Words("fr", bag);
        Assert.Equal("en", french.Language);
        Assert.Equal("SG0411", Assert.Single(bag.Snapshot()).Code);
    }

    [Fact]
    public void TranslationsOverrideSingleWordsAndUnknownOnesAreWarnings()
    {
        var bag = new DiagnosticBag();
        var words = Words("zh-CN", bag, ("nav_tags", "分类"), ("nav_tgas", "x"));
        Assert.Equal("分类", words.Format("nav_tags"));
        Assert.Equal("文章", words.Format("nav_articles"));
        var warning = Assert.Single(bag.Snapshot());
        Assert.Equal(("SG0414", Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("nav_tgas", warning.Message);
    }

    [Fact]
    public void HolesAreFilledAndEscapedOnceInTemplates()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ t 'footer_generated' title }}");
        Assert.Equal("© &lt;b&gt;&amp;amp; · Built with SiteGen", theme.Render("x", new() { ["title"] = "<b>&amp;" }, language: "en"));
        Assert.Equal("约 3 分钟读完", Words("zh-CN", new DiagnosticBag()).Format("reading_minutes", 3));
    }

    [Fact]
    public void ASiteCanAddALanguageTableAndMissingWordsFallBackToEnglish()
    {
        using var dir = new TempDir();
        dir.Write("i18n/fr.yml", "skip_to_content: Aller au contenu\n");
        var set = TemplateSet.Load(dir.Path, new DiagnosticBag());
        var bag = new DiagnosticBag();
        var words = set.Words("fr", new Dictionary<string, string>(), "sitegen.yml", bag);
        Assert.Equal(("fr", "Aller au contenu", "Tags"), (words.Language, words.Format("skip_to_content"), words.Format("nav_tags")));
        Assert.Equal("SG0412", Assert.Single(bag.Snapshot()).Code);
    }

    [Fact]
    public void BrokenWordsTableIsAnErrorWithItsPosition()
    {
        using var dir = new TempDir();
        dir.Write("i18n/en.yml", "skip_to_content: [unclosed\n");
        var bag = new DiagnosticBag();
        TemplateSet.Load(dir.Path, bag);
        var error = Assert.Single(bag.Snapshot());
        Assert.Equal(("SG0413", Severity.Error), (error.Code, error.Severity));
        Assert.EndsWith("i18n/en.yml", error.File);
        Assert.True(error.Line >= 1);
    }
}
