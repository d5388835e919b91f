using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

public sealed class LoadPagesTests
{
    private static (IReadOnlyList<Page> Pages, IReadOnlyList<Diagnostic> Diagnostics) Load(params (string Name, string Text)[] files)
    {
        using var dir = new TempDir();
        foreach (var (name, text) in files)
        {
            dir.Write(name, text);
        }

        var bag = new DiagnosticBag();
        var pages = new LoadPages().Run(dir.Path, bag);
        return (pages, bag.Snapshot());
    }

    [Fact]
    public void ReadsFrontMatterAndBodyLine()
    {
        var (pages, diagnostics) = Load(("a.md", "---\nid: x1\ntitle: 标题\nslug: a-page\ndate: 2026-11-20\ntags: [生成模型]\nsources:\n  - feed: f.txt\n    line: 7\ntruncated: true\n---\n正文\n"));
        Assert.Empty(diagnostics);
        var page = Assert.Single(pages);
        Assert.Equal("标题", page.Title);
        Assert.Equal("a-page", page.Slug);
        Assert.Equal(new DateOnly(2026, 11, 20), page.Date);
        Assert.Equal(["生成模型"], page.Tags);
        Assert.Equal(new PageSource("f.txt", 7), Assert.Single(page.Sources));
        Assert.True(page.Truncated);
        Assert.Equal(12, page.BodyLine);
        Assert.Equal("正文\n", page.Markdown);
        Assert.Equal("articles/a-page/", page.Url);
    }

    [Fact]
    public void UnclosedFrontMatterIsWarningThatSuggestsTheFix()
    {
        var (pages, diagnostics) = Load(("b.md", "---\ntitle: x\n正文\n"));
        Assert.Empty(pages);
        var warning = Assert.Single(diagnostics);
        Assert.Matches(@"b\.md\(1,1\): warning SG0201: no closing '---' for front matter; did you forget it\?$", warning.ToString());
    }

    [Fact]
    public void MissingFrontMatterIsWarning()
    {
        var (_, diagnostics) = Load(("c.md", "只有正文\n"));
        Assert.Equal("SG0202", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void YamlErrorReportsTheFileLine()
    {
        // The broken line is line 3 of the file (line 2 of the YAML block).
        var (_, diagnostics) = Load(("d.md", "---\ntitle: ok\ntags: [a\n---\nbody\n"));
        var warning = Assert.Single(diagnostics);
        Assert.Equal("SG0207", warning.Code);
        Assert.InRange(warning.Line, 3, 4);
    }

    [Fact]
    public void DuplicateSlugKeepsFirstAndWarns()
    {
        var (pages, diagnostics) = Load(
            ("a.md", "---\ntitle: A\nslug: same\n---\n"),
            ("b.md", "---\ntitle: B\nslug: same\n---\n"));
        Assert.Equal("A", Assert.Single(pages).Title);
        Assert.Equal("SG0205", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void UnsafeSlugFallsBackToFileName()
    {
        var (pages, diagnostics) = Load(("safe-name.md", "---\ntitle: A\nslug: ../../etc\n---\n"));
        Assert.Equal("safe-name", Assert.Single(pages).Slug);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("SG0204", warning.Code);
        Assert.Equal(3, warning.Line);
    }
}
