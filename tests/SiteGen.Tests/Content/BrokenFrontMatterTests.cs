using System.Text;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A broken page is a located warning and is left out; it never throws and never stops the others.</summary>
public sealed class BrokenFrontMatterTests
{
    private static (IReadOnlyList<Page> Pages, IReadOnlyList<Diagnostic> Diagnostics) Load(byte[] broken)
    {
        using var dir = new TempDir();
        dir.Write("good.md", "---\ntitle: 好页面\n---\n正文\n");
        File.WriteAllBytes(dir.Combine("broken.md"), broken);
        var bag = new DiagnosticBag();
        var pages = new LoadPages().Run(dir.Path, bag);
        return (pages, bag.Snapshot());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    // The example: an AggregateException out of FrontMatterReader.Read crashed the whole build.
    [InlineData("---\nid: 330ea12aebcc\ntitle: [unclosed\nslug: x\n---\n正文\n", "SG0207", 3, 8)]
    [InlineData("---\ntitle: x\ntitle: y\n---\n正文\n", "SG0207", 3, 1)]
    [InlineData("---\ntitle: *nope\n---\n正文\n", "SG0207", 2, 8)]
    [InlineData("---\n- a\n- b\n---\n正文\n", "SG0207", 2, 1)]
    public void UnreadableFrontMatterIsOneLocatedWarningAndThePageIsLeftOut(string text, string code, int line, int column)
    {
        var (pages, diagnostics) = Load(Utf8(text));
        Assert.Equal(["good"], pages.Select(p => p.Slug));
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, code, line, column), (warning.Severity, warning.Code, warning.Line, warning.Column));
        Assert.EndsWith("broken.md", warning.File, StringComparison.Ordinal);
    }

    [Fact]
    public void ListAsAFieldNameIsIgnoredWithAWarning()
    {
        var (pages, diagnostics) = Load(Utf8("---\ntitle: 标题\n[a, b]: c\n---\n正文\n"));
        Assert.Equal(2, pages.Count);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SG0208", 3, 1), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public void DeepNestingIsAWarningNotAStackOverflow()
    {
        var (pages, diagnostics) = Load(Utf8("---\ntags: " + new string('[', 200_000) + "\n---\n正文\n"));
        Assert.Single(pages);
        Assert.Equal("SG0207", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void InvalidUtf8IsLocatedAndThePageStillBuilds()
    {
        var (pages, diagnostics) = Load([.. Utf8("---\ntitle: 标题\n---\n第一行\n坏"), 0xC3, 0x28, .. Utf8("字\n")]);
        Assert.Equal(2, pages.Count);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SG0209", 5, 2), (warning.Code, warning.Line, warning.Column));
        Assert.Contains('\uFFFD', pages.Single(p => p.Slug == "broken").Markdown);
    }
}
