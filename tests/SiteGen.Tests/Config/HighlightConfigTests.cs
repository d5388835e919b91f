using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

public sealed class HighlightConfigTests
{
    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var dir = new TempDir();
        var path = dir.Write("sitegen.yml", yaml);
        var bag = new DiagnosticBag();
        var config = new LoadConfig().Run(path, new SiteConfig(), bag);
        return (config, bag.Snapshot());
    }

    [Fact]
    public void DefaultsAreLightPlusAndDarkPlusAndAStaticFolder()
    {
        var config = new SiteConfig();
        Assert.Equal(("LightPlus", "DarkPlus"), (config.Highlight.LightTheme, config.Highlight.DarkTheme));
        Assert.Equal("static", config.StaticDir);
    }

    [Fact]
    public void ReadsThemesInAnySpellingAndTheStaticFolder()
    {
        var (config, diagnostics) = Load("highlight:\n  light: Solarized-Light\n  dark: Dark+\nstatic_dir: public\n");
        Assert.Empty(diagnostics);
        Assert.Equal(("SolarizedLight", "DarkPlus"), (config.Highlight.LightTheme, config.Highlight.DarkTheme));
        Assert.Equal("public", config.StaticDir);
    }

    [Theory]
    [InlineData("light plus", "LightPlus")]
    [InlineData("one_dark", "OneDark")]
    [InlineData("MONOKAI", "Monokai")]
    [InlineData("nope", null)]
    [InlineData("", null)]
    public void ThemeNamesNormalize(string name, string? expected)
    {
        Assert.Equal(expected, HighlightConfig.NormalizeTheme(name));
    }

    [Fact]
    public void AnUnknownThemeIsAnErrorAtItsValue()
    {
        var (config, diagnostics) = Load("title: x\nhighlight:\n  dark: Midnight\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, "SG0810", 3, 9), (error.Severity, error.Code, error.Line, error.Column));
        Assert.Contains("DarkPlus", error.Message, StringComparison.Ordinal);
        Assert.Equal("DarkPlus", config.Highlight.DarkTheme);
    }

    [Fact]
    public void AnUnknownHighlightKeyIsAWarningAndAScalarIsAnError()
    {
        var (_, unknown) = Load("highlight:\n  theme: LightPlus\n");
        Assert.Equal(("SG0811", Severity.Warning), (Assert.Single(unknown).Code, unknown[0].Severity));
        var (_, scalar) = Load("highlight: LightPlus\n");
        Assert.Equal(("SG0504", Severity.Error), (Assert.Single(scalar).Code, scalar[0].Severity));
    }
}
