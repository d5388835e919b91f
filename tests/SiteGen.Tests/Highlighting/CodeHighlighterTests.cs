using System.Text.RegularExpressions;
using SiteGen.Highlighting;
using SiteGen.Tests.Markdown;
using SiteGen.Tests.Support;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace SiteGen.Tests.Highlighting;

public sealed partial class CodeHighlighterTests
{
    private static readonly string[] Python =
    [
        "import numpy as np", "", "@dataclass(frozen=True)", "class Point:", "    x: float = 0.0  # 横坐标",
        "    def norm(self) -> float:", "        return np.sqrt(self.x ** 2)", "s = f'{Point(3).norm():.2f}'",
        "raise ValueError(\"bad \\\"value\\\"\") from None",
    ];

    private static readonly string[] CSharp =
    [
        "using System;", "namespace A.B;", "/// <summary>Doc</summary>", "public sealed record Page(string Title)",
        "{", "    public string Url => $\"articles/{Title.ToLowerInvariant()}/\";", "    [Obsolete] private int _x = 0x1F;",
        "    public async Task<int> RunAsync() { await Task.Yield(); return _x is > 0 and < 10 ? 1 : 0; }", "}",
    ];

    [Theory]
    [InlineData(ThemeName.LightPlus, "source.python")]
    [InlineData(ThemeName.DarkPlus, "source.python")]
    [InlineData(ThemeName.LightPlus, "source.cs")]
    [InlineData(ThemeName.DarkPlus, "source.cs")]
    [InlineData(ThemeName.Monokai, "source.cs")]
    [InlineData(ThemeName.SolarizedLight, "source.python")]
    public void ScopeStylesAgreeWithTheTokenizersOwnColours(ThemeName themeName, string scope)
    {
        // The engine's binary tokens carry the colours of the registry's theme: the reference for ours.
        var options = new RegistryOptions(themeName);
        var registry = new Registry(options);
        registry.SetTheme(options.LoadTheme(themeName));
        var grammar = registry.LoadGrammar(scope);
        var style = new ThemeStyle(registry.GetTheme());
        var lines = scope == "source.cs" ? CSharp : Python;
        IStateStack? scopesState = null, binaryState = null;
        var compared = 0;
        foreach (var line in lines)
        {
            var tokens = grammar.TokenizeLine(line, scopesState, TimeSpan.FromSeconds(10));
            scopesState = tokens.RuleStack;
            var binary = grammar.TokenizeLine2(line, binaryState, TimeSpan.FromSeconds(10));
            binaryState = binary.RuleStack;
            foreach (var token in tokens.Tokens.Where(t => t.StartIndex < line.Length))
            {
                var metadata = binary.Tokens.Where((_, i) => i % 2 == 1 && binary.Tokens[i - 1] <= token.StartIndex).Last();
                var ours = style.Resolve(token.Scopes, string.Join(' ', token.Scopes));
                Assert.Equal(EncodedTokenAttributes.GetForeground(metadata), ours.Foreground);
                Assert.Equal(Math.Max(0, (int)EncodedTokenAttributes.GetFontStyle(metadata)), Math.Max(0, (int)ours.FontStyle));
                compared++;
            }
        }

        Assert.True(compared > 50, $"only {compared} tokens compared");
    }

    [Fact]
    public void EveryClassTheHtmlUsesHasALightAndADarkRule()
    {
        using var highlighter = new CodeHighlighter(MarkdownTestKit.Unhurried(HighlightSettings.Default));
        var css = highlighter.Stylesheet();
        var html = highlighter.Highlight(highlighter.Resolve("python"), Python).Html + highlighter.Highlight(highlighter.Resolve("cs"), CSharp).Html;
        var classes = ClassAttribute().Matches(html).SelectMany(m => m.Groups[1].Value.Split(' ')).ToHashSet();
        Assert.True(classes.Count > 10, string.Join(' ', classes));
        foreach (var name in classes)
        {
            Assert.Matches("^hl-[ld]([0-9]+|[ibus])$", name);
            var scope = name[3] == 'l' ? "" : ":root[data-theme=\"dark\"] ";
            Assert.Contains($"\n{scope}.{name}{{", css, StringComparison.Ordinal);
            if (name[3] == 'd')
            {
                Assert.Contains($"\n:root:not([data-theme=\"light\"]) .{name}{{", css, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void StylesheetHasBothThemesTheMediaQueryAndTheToggle()
    {
        using var highlighter = new CodeHighlighter(HighlightSettings.Default);
        var css = highlighter.Stylesheet();
        Assert.Equal(css, new CodeHighlighter(HighlightSettings.Default).Stylesheet());
        Assert.Contains(":root pre.hl{color:#000000;background:#ffffff}", css, StringComparison.Ordinal);
        Assert.Contains(".hl-l3{color:#0000ff}", css, StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme: dark){\n:root:not([data-theme=\"light\"]) pre.hl{color:#d4d4d4;background:#1e1e1e}", css, StringComparison.Ordinal);
        Assert.Contains(":root[data-theme=\"dark\"] pre.hl{color:#d4d4d4;background:#1e1e1e}", css, StringComparison.Ordinal);
        Assert.Contains(":root[data-theme=\"dark\"] .hl-d3{color:#569cd6}", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
        Assert.InRange(css.Length, 1_000, 10_000);
    }

    [Fact]
    public void OtherThemesGiveOtherColours()
    {
        using var monokai = new CodeHighlighter(new HighlightSettings("SolarizedLight", "Monokai", null));
        var css = monokai.Stylesheet();
        Assert.Contains("SolarizedLight (light) and Monokai (dark)", css, StringComparison.Ordinal);
        Assert.Contains(":root[data-theme=\"dark\"] pre.hl{color:#f8f8f2;background:#272822}", css, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsPersistInTheCacheFolderPerThemes()
    {
        using var dir = new TempDir();
        var settings = MarkdownTestKit.Unhurried(new HighlightSettings("LightPlus", "DarkPlus", dir.Path));
        string first;
        using (var highlighter = new CodeHighlighter(settings))
        {
            first = highlighter.Highlight(highlighter.Resolve("python"), Python).Html!;
            Assert.Equal(1, highlighter.HighlightedCount);
            highlighter.SaveCache();
        }

        var file = Assert.Single(Directory.GetFiles(dir.Path, "highlight-*.json"));
        using (var warm = new CodeHighlighter(settings))
        {
            var again = warm.Highlight(warm.Resolve("py"), Python);
            Assert.True(again.FromCache);
            Assert.Equal(first, again.Html);
            Assert.Equal((0, 1), (warm.HighlightedCount, warm.CachedCount));
            var stamp = File.GetLastWriteTimeUtc(file);
            // Nothing new: the file is not rewritten.
            warm.SaveCache();
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        }

        using (var otherThemes = new CodeHighlighter(settings with { DarkTheme = "Monokai" }))
        {
            Assert.False(otherThemes.Highlight(otherThemes.Resolve("python"), Python).FromCache);
        }

        File.WriteAllText(file, "{ not json");
        using var afterCorruption = new CodeHighlighter(settings);
        var result = afterCorruption.Highlight(afterCorruption.Resolve("python"), Python);
        Assert.False(result.FromCache);
        Assert.Equal(first, result.Html);
    }

    [Fact]
    public void IncompleteResultsAreNotStored()
    {
        using var dir = new TempDir();
        using (var highlighter = new CodeHighlighter(new HighlightSettings("LightPlus", "DarkPlus", dir.Path) { LineTimeLimit = TimeSpan.Zero }))
        {
            Assert.False(highlighter.Highlight(highlighter.Resolve("python"), Python).Complete);
            highlighter.SaveCache();
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "highlight-*.json"));
    }

    [Fact]
    public void AGrammarThatCannotLoadIsAnErrorNotAnException()
    {
        using var highlighter = new CodeHighlighter(HighlightSettings.Default);
        var result = highlighter.Highlight(new CodeLanguage(CodeLanguageKind.Known, "x", "source.no-such-grammar"), ["x"]);
        Assert.Null(result.Html);
        Assert.Contains("source.no-such-grammar", result.Error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => highlighter.Highlight(CodeLanguage.Unknown("klingon"), ["x"]));
    }

    [GeneratedRegex("class=\"([^\"]+)\"")]
    private static partial Regex ClassAttribute();
}
