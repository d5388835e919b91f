using System.Globalization;
using System.Text;

namespace SiteGen.Templates;

/// <summary>The theme's own escaping: only <c>&lt; &gt; &amp; " '</c>, so CJK, accents and emoji stay readable in the HTML source.</summary>
public static class TemplateEscaping
{
    /// <summary>Text safe inside an element and inside a quoted attribute.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>How a model value reads as text: invariant numbers, <c>true</c>/<c>false</c>, empty for null.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A link target that cannot run script: relative URLs, fragments and http, https and mailto URLs pass;
    /// anything else (<c>javascript:</c>, <c>data:</c>, …) becomes <c>#</c>. Escape the result too.
    /// </summary>
    public static string SafeUrl(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            // No scheme: a relative URL. Control characters could hide a scheme from this check.
            return trimmed.Any(char.IsControl) ? "#" : trimmed;
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" ? trimmed : "#";
    }
}
