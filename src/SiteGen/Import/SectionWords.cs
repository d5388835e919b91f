namespace SiteGen.Import;

/// <summary>Generic section names that flattened articles carry as leftover headings (never a good title).</summary>
internal static class SectionWords
{
    public static readonly IReadOnlyList<string> All =
    [
        "引言与背景", "简短总结", "基本概念", "基础概念", "问题引入", "原理分析",
        "简介", "背景", "概述", "引言", "前言", "总结", "小结", "结论", "方法", "摘要", "介绍",
        "Overview", "Introduction", "Background", "Summary", "Abstract",
    ];

    /// <summary>The section word that <paramref name="text"/> starts with, followed by a space and more text; else null.</summary>
    public static string? AtStart(ReadOnlySpan<char> text)
    {
        foreach (var word in All)
        {
            if (text.Length > word.Length + 1
                && text.StartsWith(word, StringComparison.Ordinal)
                && char.IsWhiteSpace(text[word.Length])
                && !char.IsWhiteSpace(text[word.Length + 1]))
            {
                return word;
            }
        }
        return null;
    }
}
