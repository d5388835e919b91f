using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

public sealed class ReadFeedsTests
{
    private static (FeedBatch Batch, IReadOnlyList<Diagnostic> Diagnostics) Read(params (string Name, byte[] Bytes)[] feeds)
    {
        var dir = ImportTestKit.NewTempDir();
        foreach (var (name, bytes) in feeds)
        {
            File.WriteAllBytes(Path.Combine(dir, name), bytes);
        }
        var bag = new DiagnosticBag();
        var batch = new ReadFeeds().Read(dir, bag);
        return (batch, bag.Snapshot());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void SkipsBomHeaderAndBlankLinesAndKeepsLineNumbers()
    {
        var (batch, diagnostics) = Read(("a.txt", [0xEF, 0xBB, 0xBF, .. Utf8("INCOMING TRANSMISSION\r\n\r\nLATEST UPDATES\r\n第一篇\r\n\r\n第二篇\r\n")]));
        Assert.Empty(diagnostics);
        Assert.Equal(["第一篇", "第二篇"], batch.Entries.Select(e => e.Text));
        Assert.Equal([4, 6], batch.Entries.Select(e => e.Line));
        Assert.All(batch.Entries, e => Assert.Equal("a.txt", e.Feed));
    }

    [Fact]
    public void HeaderWordsAfterTheFirstArticleAreArticles()
    {
        var (batch, _) = Read(("a.txt", Utf8("文章\nLATEST UPDATES\n")));
        Assert.Equal(["文章", "LATEST UPDATES"], batch.Entries.Select(e => e.Text));
    }

    [Fact]
    public void ReadsFeedsInOrdinalFileNameOrder()
    {
        var (batch, _) = Read(("b.txt", Utf8("B\n")), ("A.txt", Utf8("A\n")), ("a.txt", Utf8("a\n")), ("notes.md", Utf8("x\n")));
        Assert.Equal(["A.txt", "a.txt", "b.txt"], batch.Feeds);
        Assert.Equal(["A", "a", "B"], batch.Entries.Select(e => e.Text));
    }

    [Fact]
    public void InvalidUtf8KeepsTheLineWithReplacementCharacterAndWarnsWithColumn()
    {
        var (batch, diagnostics) = Read(("bad.txt", [.. Utf8("好的\nab"), 0xFF, .. Utf8("cd\n")]));
        Assert.Equal("ab\uFFFDcd", batch.Entries[1].Text);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("SG0101", warning.Code);
        Assert.Equal((2, 3), (warning.Line, warning.Column));
        Assert.EndsWith("bad.txt", warning.File);
    }

    [Fact]
    public void ControlCharacterIsReplacedAndReported()
    {
        var (batch, diagnostics) = Read(("c.txt", Utf8("a\u0007b\tc\n")));
        Assert.Equal("a\uFFFDb\tc", batch.Entries[0].Text);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SG0102", 1, 2), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public void EmptyFeedWarns()
    {
        var (batch, diagnostics) = Read(("empty.txt", Utf8("INCOMING TRANSMISSION\n\n")));
        Assert.Empty(batch.Entries);
        Assert.Equal(["empty.txt"], batch.Feeds);
        Assert.Equal("SG0103", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void MissingSeedsFolderWarnsInsteadOfThrowing()
    {
        var bag = new DiagnosticBag();
        var batch = new ReadFeeds().Read(Path.Combine(ImportTestKit.NewTempDir(), "nope"), bag);
        Assert.Empty(batch.Entries);
        Assert.Equal("SG0104", Assert.Single(bag.Snapshot()).Code);
    }

    [Fact]
    public void ReadsTheSeeds()
    {
        var bag = new DiagnosticBag();
        var batch = new ReadFeeds().Read(ImportTestKit.SeedsDir, bag);
        Assert.Equal(5, batch.Feeds.Count);
        Assert.Equal(59, batch.Entries.Count);
        Assert.Empty(bag.Snapshot());
    }
}
