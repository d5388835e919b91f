using CsCheck;
using SiteGen.Common;

namespace SiteGen.Tests.Common;

public sealed class WhitespaceTests
{
    /// <summary>The definition another way round: the words between runs of whitespace, joined by one space.</summary>
    private static string Reference(string text) =>
        string.Join(' ', text.Split(AllWhitespace, StringSplitOptions.RemoveEmptyEntries));

    private static readonly char[] AllWhitespace =
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();

    private static readonly Gen<string> Text = Gen.Frequency(
            (6, Gen.OneOf("文字", "word", "x", "\\(a\\)", "😀")),
            (4, Gen.Const(" ")),
            (2, Gen.OneOf("  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2028", "\u205F", "\u0085", "\u200A", "\u200B", "\uFEFF")))
        .Array[0, 30].Select(string.Concat);

    [Fact]
    public void CollapseAgreesWithTheDefinitionOnAnyText() =>
        Text.Sample(text => Assert.Equal(Reference(text), Whitespace.Collapse(text)), iter: 20_000);

    [Theory]
    [InlineData("", "")]
    [InlineData(" ", "")]
    [InlineData("a b", "a b")]
    [InlineData(" a b", "a b")]
    [InlineData("a b ", "a b")]
    [InlineData("a  b", "a b")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("a\u00A0\tb", "a b")]
    [InlineData("a\u200Bb", "a\u200Bb")]
    public void CollapseExamples(string text, string expected) => Assert.Equal(expected, Whitespace.Collapse(text));

    [Fact]
    public void CollapsedTextIsReturnedAsItIs()
    {
        var text = "已经 规整的 text";
        Assert.Same(text, Whitespace.Collapse(text));
    }
}
