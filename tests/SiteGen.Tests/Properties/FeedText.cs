using System.Text;
using CsCheck;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Generators of hostile feed lines, as bytes: CJK prose, Markdown specials (also at line start), <c>$</c>,
/// TeX (good and broken), HTML and script, emoji, invalid UTF-8 and control characters. Each line carries a
/// unique marker so "in exactly one page" cannot be satisfied by accident.
/// </summary>
internal static class FeedText
{
    internal static readonly string[] Cjk =
    [
        "扩散模型把数据逐步加噪", "再学习逐步去噪。", "标准化流是可逆变换", "注意力机制", "强化学习中的蒙特卡洛方法",
        "简介 ", "背景 ", "。 背景", "！ 概述", "？ 引言与背景", "，", "、", "（括号）", "《论文名》", "“引号”",
    ];

    internal static readonly string[] Markdown =
    [
        "*", "**", "_", "__", "`", "```", "~~", "#", "## ", "> ", "- ", "+ ", "1. ", "1) ", "|", "| a | b |", "---", "===",
        "[", "]", "(", ")", "[链接](http://x)", "![图](x.png)", "\\", "\\\\", "&amp;", "&#x3C;", "&", "<", ">", "!", "^", "[^1]",
        "[公式]", "[Math]", "[代码]", "<https://example.org/a?b=c>", "https://example.org/路径", "www.example.org", "    ", "\t",
    ];

    internal static readonly string[] Tex =
    [
        "$", "$$", "$x$", "\\(x^2\\)", "\\( \\)", "\\(a$b\\)", "\\(x\\", "\\[E=mc^2\\]", "\\[\\frac{1}{2}\\]", "\\(\\alpha_t\\)",
        "\\(\\sqrt{\\beta}\\)", "\\(\\text{中文}\\)", "\\(中文\\)", "\\(\\undefinedmacro\\)", "\\(\\frac{1}{\\)", "\\[", "\\]",
        "\\(\\href{javascript:alert(1)}{x}\\)", "\\(\\htmlClass{x}{y}\\)", "$\\$$", "\\$", "\\\\(", "\\(\\mathbb{R}^n\\)",
    ];

    /// <summary>Each names its element or attribute <c>sginj</c>, which must never appear in built HTML.</summary>
    public static readonly string[] Html =
    [
        "<script>alert('sginj')</script>", "<sginj>x</sginj>", "<img src=x onerror=\"sginj()\">", "<b sginj=1>粗</b>",
        "<a href=\"javascript:sginj()\">点</a>", "<iframe src=//sginj>", "<svg onload=sginj()>", "<div style=\"sginj\">",
        "<!-- sginj -->", "<![CDATA[sginj]]>", "</p><sginj>", "<sginj/>", "<?sginj?>", "<style>sginj{}</style>",
    ];

    internal static readonly string[] Emoji = ["😀", "👨‍👩‍👧", "🇨🇳", "🔖", "✨", "1️⃣", "🧪"];

    /// <summary>Bytes no text editor would save: invalid UTF-8 and control characters (also C1, DEL, NUL) and noncharacters.</summary>
    internal static readonly byte[][] Damage =
    [
        [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00], [0x07], [0x1B],
        [0x7F], [0xC2, 0x85], [0xC2, 0x9F], [0x0B], [0x0C], [0x0D], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xE2, 0x80, 0xA8],
        [0xE2, 0x80, 0xAE], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0x8B],
    ];

    private static readonly Gen<byte[]> Fragment = Gen.Frequency(
        (6, Gen.OneOf(Cjk).Select(Utf8)),
        (4, Gen.OneOf(Markdown).Select(Utf8)),
        (3, Gen.OneOf(Tex).Select(Utf8)),
        (2, Gen.OneOf(Html).Select(Utf8)),
        (1, Gen.OneOf(Emoji).Select(Utf8)),
        (1, Gen.OneOf(Damage)),
        (2, Gen.String[Gen.Char['a', 'z'], 1, 8].Select(Utf8)),
        (1, Gen.String[Gen.Char[' ', '~'], 1, 6].Select(Utf8)));

    /// <summary>One feed line without its marker: 1 to 24 fragments.</summary>
    public static readonly Gen<byte[][]> Line = Fragment.Array[1, 24];

    /// <summary>A feed: 12 to 40 lines, each with its marker appended (so it is an entry of its own).</summary>
    public static readonly Gen<byte[][][]> Feed = Line.Array[12, 40];

    public static string Marker(int line) => $"〔条目{line:D3}〕";

    /// <summary>The feed file's bytes: header lines, then each line with its marker, LF-separated.</summary>
    public static byte[] Bytes(byte[][][] lines)
    {
        var bytes = new List<byte>(Utf8("INCOMING TRANSMISSION\n\nLATEST UPDATES\n"));
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var fragment in lines[i])
            {
                // A raw LF would start a new entry; it stays damage of another kind.
                bytes.AddRange(fragment.Select(b => b == (byte)'\n' ? (byte)' ' : b));
            }

            bytes.AddRange(Utf8(" " + Marker(i) + "\n"));
        }

        return [.. bytes];
    }

    /// <summary>A readable form of a generated feed for the shrunk counterexample.</summary>
    public static string Show(byte[][][] lines) =>
        string.Join("\n", lines.Select((line, i) => string.Concat(line.Select(f => Encoding.UTF8.GetString(f))).Replace("\n", "\\n") + " " + Marker(i)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
