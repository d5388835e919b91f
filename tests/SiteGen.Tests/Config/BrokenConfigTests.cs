using System.Text;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

/// <summary>Every way a user can break <c>sitegen.yml</c> is one located error with a fix hint, never an exception.</summary>
public sealed class BrokenConfigTests
{
    private static IReadOnlyList<Diagnostic> Load(byte[] bytes)
    {
        using var dir = new TempDir();
        var path = dir.Combine("sitegen.yml");
        File.WriteAllBytes(path, bytes);
        var bag = new DiagnosticBag();
        var config = new LoadConfig().Run(path, new SiteConfig(), bag);
        Assert.NotNull(config);
        return bag.Snapshot();
    }

    private static Diagnostic SingleError(string yaml) =>
        Assert.Single(Load(Encoding.UTF8.GetBytes(yaml)), d => d.Severity == Severity.Error);

    [Theory]
    // The example: YamlDotNet throws InvalidOperationException from its scanner when more lines follow.
    [InlineData("title: [unclosed\nbase_url: /\n", "SG0502", 1, 8, "the '[' here is never closed")]
    [InlineData("title: [unclosed", "SG0502", 1, 8, "the '[' here is never closed")]
    [InlineData("title: {a: 1\n", "SG0502", 1, 8, "the '{' here is never closed")]
    [InlineData("title: x\ntitle: y\n", "SG0502", 2, 1, "remove one of the two keys")]
    [InlineData("title: *nope\n", "SG0502", 1, 8, "quote the value if the '*' is text")]
    [InlineData("title: 'open\n", "SG0502", 1, 8, "quoted scalar")]
    [InlineData("? [a, b]\n: c\n", "SG0508", 1, 3, "plain text")]
    [InlineData("taxonomy:\n  [x]: [y]\n", "SG0508", 2, 3, "plain text")]
    [InlineData("katex:\n  macros:\n    {a: 1}: b\n", "SG0508", 3, 5, "plain text")]
    [InlineData("highlight:\n  [dark]: Monokai\n", "SG0508", 2, 3, "plain text")]
    [InlineData("translations:\n  {a: 1}: b\n", "SG0508", 2, 3, "plain text")]
    [InlineData("- a\n- b\n", "SG0501", 1, 1, "mapping")]
    public void MistakeIsOneLocatedErrorWithAHint(string yaml, string code, int line, int column, string hint)
    {
        var error = SingleError(yaml);
        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotAStackOverflow()
    {
        // 100,000 brackets overflowed YamlDotNet's recursive node builder and killed the process.
        var error = SingleError("title: " + new string('[', 100_000) + "\n");
        Assert.Equal("SG0502", error.Code);
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBombInKatexOptionsIsRefused()
    {
        var yaml = new StringBuilder("katex:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"  a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        var errors = Load(Encoding.UTF8.GetBytes(yaml.ToString())).Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("too large", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidUtf8IsLocated()
    {
        var error = Assert.Single(Load([.. "title: 标题\nlanguage: "u8, 0xFF, 0xFE, .. "\n"u8]));
        Assert.Equal(("SG0509", 2, 11), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void AFolderInsteadOfTheFileIsAnError()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("sitegen.yml"));
        var bag = new DiagnosticBag();
        new LoadConfig().Run(dir.Combine("sitegen.yml"), new SiteConfig(), bag);
        Assert.Equal("SG0507", Assert.Single(bag.Snapshot()).Code);
    }

    [Fact]
    public void BomAndEmptyFileAreFine()
    {
        Assert.Empty(Load([0xEF, 0xBB, 0xBF, .. "title: 标题\n"u8]));
        Assert.Empty(Load([]));
        Assert.Empty(Load("# only a comment\n"u8.ToArray()));
    }
}
