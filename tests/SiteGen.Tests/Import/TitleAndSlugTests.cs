using SiteGen.Import;

namespace SiteGen.Tests.Import;

public sealed class TitleAndSlugTests
{
    [Theory]
    [InlineData("简介 后训练(post-training)已成为完整训练流程中的重要组成部分。相比于预训练", "后训练(post-training)已成为完整训练流程中的重要组成部分")]
    [InlineData("背景 本文主要是《NICE: Nonlinear Independent Components Estimation》一文的介绍和实现。", "NICE: Nonlinear Independent Components Estimation")]
    [InlineData("🔖 https://www.deepseek.com/ DeepSeek LLM 代码地址: https://github.com/x", "DeepSeek LLM")]
    [InlineData("SD模型原理 SD是CompVis、Stability AI和LAION等公司研发的", "SD模型原理")]
    [InlineData("TFRecord TFRecord 是谷歌推荐的一种二进制文件格式,理论上", "TFRecord")]
    [InlineData("概述 Medusa 是自投机领域较早的一篇工作,对后续工作启发很大", "Medusa 是自投机领域较早的一篇工作")]
    [InlineData("1.深度学习偏置的作用? 我们在学深度学习的时候", "深度学习偏置的作用?")]
    [InlineData("前言 首先看论文题目。Swin Transformer: Hierarchical Vision Transformer", "Swin Transformer")]
    public void TitleComesFromTheText(string text, string title) => Assert.Equal(title, new ExtractTitle().From(text));

    [Fact]
    public void LongTitlesAreCutWithoutSplittingLatinWords()
    {
        var title = new ExtractTitle().From("Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm");
        Assert.True(title.Length <= ExtractTitle.MaxLength);
        Assert.Matches("^(\\w{4} )*\\w{4}…$", title);
    }

    [Theory]
    [InlineData("Normalizing flow(标准化流)是一类", "normalizing-flow")]
    [InlineData("SD模型原理", null)]
    [InlineData("24年12月,研究团队开发了 DeepSeek-V3", "24-12-deepseek-v3")]
    public void ReadableSlugUsesLatinWords(string title, string? slug) => Assert.Equal(slug, MakeSlug.Readable(title));

    [Fact]
    public void ChineseTitleFallsBackToTheIdAndCollisionsGetSuffixes()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Adamw" };
        var slugs = new MakeSlug();
        Assert.Equal("0a1b2c3d4e5f", slugs.From("分布变换", "0a1b2c3d4e5f", taken));
        Assert.Equal("adamw-2", slugs.From("AdamW目前是", "111111111111", taken));
        Assert.Equal("adamw-3", slugs.From("AdamW", "222222222222", taken));
    }
}
