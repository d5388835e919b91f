using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>Reading the inputs tells whether any feed or page can hold a formula, so a site without one never prepares KaTeX.</summary>
public sealed class SiteInputsTests
{
    [Theory]
    [InlineData("seeds/a.txt", "标题\n---\n正文，价格 10 元。\n", false)]
    [InlineData("seeds/a.txt", "标题\n---\n损失 \\( x^2 \\) 最小。\n", true)]
    [InlineData("seeds/a.txt", "标题\n---\n\\[ E = mc^2 \\]\n", true)]
    [InlineData("content/p.md", "---\ntitle: 甲\n---\n公式 $x$。\n", true)]
    [InlineData("content/p.md", "---\ntitle: 甲\n---\n没有公式。\n", false)]
    public void AMathDelimiterAnywhereMeansTheSiteMayHaveMath(string file, string text, bool expected)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        Directory.CreateDirectory(dir.Combine("content"));
        dir.Write("seeds/other.txt", "标题\n---\n另一篇。\n");
        dir.Write(file, text);

        Assert.Equal(expected, SiteInputs.Read(TempSite.Config(dir)).MayHaveMath);
    }

    [Fact]
    public void AFileWhoseLengthAndWriteTimeAreUnchangedIsNotReadAgain()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        dir.Write("seeds/a.txt", "标题\n---\n损失 \\( x^2 \\) 最小。\n");
        dir.Write("content/p.md", "---\ntitle: 甲\n---\n正文。\n");
        var past = DateTime.UtcNow.AddMinutes(-5);
        File.SetLastWriteTimeUtc(dir.Combine("seeds/a.txt"), past);
        File.SetLastWriteTimeUtc(dir.Combine("content/p.md"), past);
        var config = TempSite.Config(dir);
        var cache = new FileHashCache(() => { });
        var first = SiteInputs.Read(config, cache);
        Assert.Equal(2, cache.Count);

        // Same length, same write time: taken as unchanged, as make takes it (the bytes below are not read).
        File.WriteAllText(dir.Combine("content/p.md"), "---\ntitle: 乙\n---\n正文。\n");
        File.SetLastWriteTimeUtc(dir.Combine("content/p.md"), past);
        var again = SiteInputs.Read(config, cache);
        Assert.Equal(first.Content.Values, again.Content.Values);
        Assert.True(again.MayHaveMath);

        // A new write time, or a new length, is read and hashed again.
        File.SetLastWriteTimeUtc(dir.Combine("content/p.md"), past.AddSeconds(1));
        Assert.NotEqual(first.Content.Values, SiteInputs.Read(config, cache).Content.Values);
        dir.Write("seeds/a.txt", "标题\n---\n没有公式，更长的一行。\n");
        File.SetLastWriteTimeUtc(dir.Combine("seeds/a.txt"), past);
        var changed = SiteInputs.Read(config, cache);
        Assert.NotEqual(first.Feeds.Values, changed.Feeds.Values);
        Assert.False(changed.MayHaveMath);
        Assert.Equal(SiteInputs.Read(config).Content, changed.Content);
        Assert.Equal(SiteInputs.Read(config).Feeds, changed.Feeds);
    }

    [Fact]
    public void AFileWrittenJustBeforeItIsHashedIsNotKept()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        dir.Write("content/p.md", "---\ntitle: 甲\n---\n正文。\n");
        // A write time that has not settled when the file is hashed, however slow this machine is (FileHashCacheTests has the edges).
        File.SetLastWriteTimeUtc(dir.Combine("content/p.md"), DateTime.UtcNow.AddSeconds(1));
        var cache = new FileHashCache(() => { });
        SiteInputs.Read(TempSite.Config(dir), cache);
        Assert.Equal(0, cache.Count);

        // Deleted files are forgotten.
        File.SetLastWriteTimeUtc(dir.Combine("content/p.md"), DateTime.UtcNow.AddMinutes(-5));
        SiteInputs.Read(TempSite.Config(dir), cache);
        Assert.Equal(1, cache.Count);
        File.Delete(dir.Combine("content/p.md"));
        SiteInputs.Read(TempSite.Config(dir), cache);
        Assert.Equal(0, cache.Count);
    }
}
