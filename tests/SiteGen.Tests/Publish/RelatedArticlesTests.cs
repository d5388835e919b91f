using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class RelatedArticlesTests
{
    private static readonly SiteModel Site = Articles.Site(
        Articles.Page("flow", "标准化流通过可逆变换建模概率分布，雅可比行列式决定密度的变化。", ["生成模型"], "2024-05-01"),
        Articles.Page("diffusion", "扩散模型逐步加噪再去噪，也是在建模概率分布，和标准化流有联系。", ["生成模型"], "2024-04-01"),
        Articles.Page("lora", "LoRA 用低秩矩阵微调大模型，显存占用小。", ["大模型"], "2024-03-01"),
        Articles.Page("qlora", "QLoRA 在量化后的大模型上做 LoRA 微调，显存进一步减少。", ["大模型"], "2024-02-01"),
        Articles.Page("cooking", "红烧肉的做法：五花肉切块，冰糖炒色。", [], "2024-01-01"));

    private static string[] RelatedTo(string slug, int count = 3)
    {
        var related = RelatedArticles.Compute(Site.Articles, count);
        var index = Site.Articles.Single(a => a.Page.Slug == slug).Index;
        return related[index].Select(a => a.Page.Slug).ToArray();
    }

    [Fact]
    public void SharedChineseTermsRankFirst() => Assert.Equal("diffusion", RelatedTo("flow")[0]);

    [Fact]
    public void SharedLatinWordsAndTagsRankFirst() => Assert.Equal("qlora", RelatedTo("lora")[0]);

    [Fact]
    public void NeverRelatedToItself()
    {
        foreach (var article in Site.Articles)
        {
            Assert.DoesNotContain(article.Page.Slug, RelatedTo(article.Page.Slug, 5));
        }
    }

    [Fact]
    public void UnrelatedArticleHasNoRelated() => Assert.Empty(RelatedTo("cooking"));

    [Fact]
    public void RespectsTheCount() => Assert.Single(RelatedTo("flow", 1));

    [Fact]
    public void TermsAreCjkBigramsAndLongerLatinWords()
    {
        var terms = RelatedArticles.Terms("概率分布 of LoRA x");
        Assert.Equal(["lora", "分布", "概率", "率分"], terms.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void TermsInVeryManyArticlesDoNotMakeThemRelatedButRareSharedTermsDo()
    {
        // Every article shares "共同前言"; only pairs (2k, 2k+1) share a rare word of their own.
        var count = 2 * (RelatedArticles.MaxPostingsPerTerm + 20);
        var pages = Enumerable.Range(0, count)
            .Select(i => Articles.Page($"a{i:D4}", $"共同前言 pairword{i / 2:D4}x", [], "2024-01-01"))
            .ToArray();
        var site = Articles.Site(pages);
        var related = RelatedArticles.Compute(site.Articles, 3);
        foreach (var article in site.Articles)
        {
            var partner = $"a{int.Parse(article.Page.Slug[1..]) ^ 1:D4}";
            Assert.Equal([partner], related[article.Index].Select(a => a.Page.Slug).ToArray());
        }
    }
}
