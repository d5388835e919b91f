using System.Text.RegularExpressions;

namespace SiteGen.Mathematics;

/// <summary>
/// The browser side of KaTeX that a site with math ships: <c>katex.min.css</c> and the WOFF2 fonts.
/// No JavaScript: formulas are rendered at build time.
/// </summary>
public static partial class KatexAssets
{
    /// <summary>File name of the stylesheet, relative to the folder <see cref="CopyTo"/> writes.</summary>
    public const string CssFileName = "katex.min.css";

    private static readonly Lazy<string> LazyCss = new(() =>
        WoffAndTtfFallbacks().Replace(KatexResources.ReadText("katex.min.css"), ""));

    /// <summary>
    /// KaTeX's stylesheet with only the WOFF2 sources kept (every browser that renders KaTeX reads WOFF2,
    /// and the site then ships no font file the CSS does not name). Fonts are referenced as <c>fonts/NAME.woff2</c>.
    /// </summary>
    public static string Css => LazyCss.Value;

    /// <summary>Font file names, e.g. <c>KaTeX_Main-Regular.woff2</c>.</summary>
    public static IReadOnlyList<string> FontFileNames => KatexResources.FontFileNames();

    /// <summary>Opens one of <see cref="FontFileNames"/>.</summary>
    public static Stream OpenFont(string fileName) => KatexResources.OpenFont(fileName);

    /// <summary>Writes <c>katex.min.css</c> and <c>fonts/*.woff2</c> into <paramref name="directory"/>.</summary>
    public static void CopyTo(string directory)
    {
        var fonts = Path.Combine(directory, "fonts");
        Directory.CreateDirectory(fonts);
        File.WriteAllText(Path.Combine(directory, CssFileName), Css);
        foreach (var name in FontFileNames)
        {
            using var source = OpenFont(name);
            using var target = File.Create(Path.Combine(fonts, name));
            source.CopyTo(target);
        }
    }

    [GeneratedRegex(@",url\(fonts/[^)]+\.woff\) format\(""woff""\),url\(fonts/[^)]+\.ttf\) format\(""truetype""\)")]
    private static partial Regex WoffAndTtfFallbacks();
}
