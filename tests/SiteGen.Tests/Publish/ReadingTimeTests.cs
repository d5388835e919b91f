using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class ReadingTimeTests
{
    [Fact]
    public void CountsEachChineseCharacterAndEachLatinWord()
    {
        var (cjk, words) = ReadingTime.Count("我们用 LoRA 微调 DeepSeek-LLM 模型，r=8。");
        Assert.Equal(7, cjk);
        // LoRA, DeepSeek, LLM, r, 8
        Assert.Equal(5, words);
    }

    [Fact]
    public void ChineseParagraphIsNotOneWord()
    {
        // Whitespace word counters see this as a single word and report one minute for any length.
        var text = string.Concat(Enumerable.Repeat("标准化流是一类对概率分布进行建模的工具。", 100));
        Assert.Equal(1900, ReadingTime.Count(text).CjkCharacters);
        Assert.Equal(7, ReadingTime.Minutes(text));
    }

    [Fact]
    public void MixedTextAddsBothSpeeds()
    {
        var chinese = new string('字', 600);
        var english = string.Join(' ', Enumerable.Repeat("word", 400));
        Assert.Equal(4, ReadingTime.Minutes(chinese + " " + english));
    }

    [Fact]
    public void ExtensionBIdeographsCountOnce() =>
        Assert.Equal(2, ReadingTime.Count("𠀀𠀁").CjkCharacters);

    [Theory]
    [InlineData("")]
    [InlineData("短")]
    public void AtLeastOneMinute(string text) => Assert.Equal(1, ReadingTime.Minutes(text));
}
