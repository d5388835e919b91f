using System.Text;

namespace SiteGen.Highlighting;

/// <summary>The one escaper for code text: every character of a token goes through it exactly once.</summary>
internal static class HtmlText
{
    /// <summary>Appends <paramref name="text"/> with <c>&amp; &lt; &gt; "</c> escaped, as Markdig escapes code.</summary>
    public static void Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            };
            if (entity is null)
            {
                continue;
            }

            html.Append(text[run..i]).Append(entity);
            run = i + 1;
        }

        html.Append(text[run..]);
    }
}
