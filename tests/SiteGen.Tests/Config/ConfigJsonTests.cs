using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

/// <summary>The configuration's key text (written by generated code, serialization only) is what reflection writes: every setting.</summary>
public sealed class ConfigJsonTests
{
    [Fact]
    public void GeneratedWriterWritesWhatReflectionWrites()
    {
        using var dir = new TempDir();
        var path = dir.Write("sitegen.yml", """
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
        var bag = new DiagnosticBag();
        var config = new LoadConfig().Run(path, new SiteConfig(), bag);
        Assert.Equal(0, bag.Count);
        Assert.NotEmpty(config.KatexOptions);

        var reflection = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal(JsonSerializer.Serialize(config, reflection), JsonSerializer.Serialize(config, ConfigJson.Default.SiteConfig));
    }
}
