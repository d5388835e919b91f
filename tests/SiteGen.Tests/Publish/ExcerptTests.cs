using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class ExcerptTests
{
    [Fact]
    public void ShortTextIsKeptWithWhitespaceFlattened() =>
        Assert.Equal("第一行 第二行", Excerpt.Of("  第一行\n\n  第二行  ", 100));

    [Fact]
    public void CutsAtTheLastSentenceEndInTheSecondHalf()
    {
        var text = "这是第一句话。这是第二句话，比较长一些。这是第三句话，会被截掉的部分";
        Assert.Equal("这是第一句话。这是第二句话，比较长一些。", Excerpt.Of(text, 30));
    }

    [Fact]
    public void WithoutSentenceEndCutsAtAClauseAndAddsAnEllipsis()
    {
        var text = "第一部分文字很长很长很长，第二部分还有更多更多更多文字内容";
        Assert.Equal("第一部分文字很长很长很长…", Excerpt.Of(text, 20));
    }

    [Fact]
    public void NeverSplitsASurrogatePair()
    {
        var text = new string('字', 9) + "𠀀" + new string('字', 20);
        var excerpt = Excerpt.Of(text, 10);
        Assert.False(char.IsHighSurrogate(excerpt[^2]));
        Assert.EndsWith("…", excerpt);
    }

    [Fact]
    public void EnglishCutsAtASpace() =>
        Assert.Equal("Normalizing flows transform a simple…", Excerpt.Of("Normalizing flows transform a simple distribution", 40));
}
