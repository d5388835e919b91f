using System.Text.RegularExpressions;
using Xunit;
using SiteGen.Mathematics;

namespace SiteGen.Tests.Mathematics;

public sealed class KatexAssetsTests
{
    [Fact]
    public void Css_names_only_woff2_fonts_that_are_shipped()
    {
        var urls = Regex.Matches(KatexAssets.Css, @"url\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.Matches(@"^fonts/KaTeX_[A-Za-z0-9_-]+\.woff2$", url));
        Assert.Equal(urls.Select(u => u["fonts/".Length..]).Distinct().Order(StringComparer.Ordinal), KatexAssets.FontFileNames);
    }

    [Fact]
    public void CopyTo_writes_css_and_fonts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-katex-assets-" + Guid.NewGuid().ToString("N"));
        try
        {
            KatexAssets.CopyTo(dir);
            Assert.True(File.Exists(Path.Combine(dir, KatexAssets.CssFileName)));
            Assert.All(KatexAssets.FontFileNames, f => Assert.True(new FileInfo(Path.Combine(dir, "fonts", f)).Length > 1000));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Version_is_the_pinned_one() =>
        Assert.Matches(@"^\d+\.\d+\.\d+$", KatexRenderer.KatexVersion);
}
