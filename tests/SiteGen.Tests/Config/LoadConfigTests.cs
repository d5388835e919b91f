using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

public sealed class LoadConfigTests
{
    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var dir = new TempDir();
        var path = dir.Write("sitegen.yml", yaml);
        var bag = new DiagnosticBag();
        var config = new LoadConfig().Run(path, new SiteConfig(), bag);
        return (config, bag.Snapshot());
    }

    /// <summary>The configuration's key text (generated code, serialization only) is what reflection writes: every setting.</summary>
    [Fact]
    public void KeyTextIsWhatReflectionWrites()
    {
        var (config, diagnostics) = Load("""
            title: 机器学习笔记
            base_url: https://example.org/docs
            taxonomy:
              生成模型: [diffusion, 标准化流]
            katex:
              macros:
                \RR: \mathbb{R}
              maxSize: 10
              strict: warn
              colorIsTextColor: true
              maxExpand: 500
            """);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(config.KatexOptions);

        var reflection = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal(JsonSerializer.Serialize(config, reflection), JsonSerializer.Serialize(config, ConfigJson.Default.SiteConfig));
    }

    [Fact]
    public void MissingFileKeepsDefaults()
    {
        var bag = new DiagnosticBag();
        var config = new LoadConfig().Run("/nonexistent/sitegen.yml", new SiteConfig(), bag);
        Assert.Equal(new SiteConfig().Title, config.Title);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void ReadsSettingsTaxonomyAndKatex()
    {
        var (config, diagnostics) = Load("""
            title: 机器学习笔记
            language: zh-CN
            base_url: https://example.org/docs
            dedup_threshold: 0.7
            taxonomy:
              生成模型: [diffusion, 标准化流]
            katex:
              macros:
                \RR: \mathbb{R}
              maxSize: 10
            """);
        Assert.Empty(diagnostics);
        Assert.Equal("机器学习笔记", config.Title);
        Assert.Equal("https://example.org/docs/", config.BaseUrl);
        Assert.Equal("/docs/", config.BasePath);
        Assert.Equal(0.7, config.DedupThreshold);
        Assert.Equal(["diffusion", "标准化流"], config.Taxonomy["生成模型"]);
        Assert.Equal(@"\mathbb{R}", config.KatexMacros[@"\RR"]);
        Assert.Equal(10.0, config.KatexOptions["maxSize"]);
    }

    [Fact]
    public void UnknownKeyIsWarningWithPosition()
    {
        var (_, diagnostics) = Load("title: x\ntitel: y\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("SG0503", warning.Code);
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void BadYamlIsErrorWithLine()
    {
        var (_, diagnostics) = Load("title: x\ntaxonomy: [a\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("SG0502", error.Code);
        Assert.True(error.Line >= 2, error.ToString());
    }

    [Fact]
    public void OutOfRangeThresholdIsError()
    {
        var (config, diagnostics) = Load("dedup_threshold: 3\n");
        Assert.Equal("SG0504", Assert.Single(diagnostics).Code);
        Assert.Equal(new SiteConfig().DedupThreshold, config.DedupThreshold);
    }

    [Fact]
    public void KatexTrustIsRefused()
    {
        var (_, diagnostics) = Load("katex:\n  trust: true\n");
        Assert.Equal("SG0506", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("docs", "/docs/")]
    [InlineData("/docs//", "/docs/")]
    [InlineData("https://example.org/docs", "https://example.org/docs/")]
    public void BaseUrlHasOneTrailingSlash(string input, string expected) =>
        Assert.Equal(expected, BaseUrl.Normalize(input));

    [Fact]
    public void ReadsSearchSynonymsAndWarnsAboutWhatItIgnores()
    {
        var (config, diagnostics) = Load("""
            search:
              synonyms:
                线性: [linear, 线性的]
                nf: normalizing flow
                "!!": [x]
                lora: ["--", low rank]
              ranking: bm25
            """);
        Assert.Equal(["linear", "线性的"], config.SearchSynonyms["线性"]);
        Assert.Equal(["normalizing flow"], config.SearchSynonyms["nf"]);
        Assert.Equal(["low rank"], config.SearchSynonyms["lora"]);
        Assert.False(config.SearchSynonyms.ContainsKey("!!"));
        Assert.Equal(["SG0821 (5,5)", "SG0821 (6,12)", "SG0820 (7,3)"], diagnostics.Select(d => $"{d.Code} ({d.Line},{d.Column})"));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void SearchSectionOfTheWrongShapeIsAnError()
    {
        var (_, diagnostics) = Load("search:\n  synonyms: [a, b]\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(("SG0504", Severity.Error, 2), (error.Code, error.Severity, error.Line));
    }
}
