using System.Text;

namespace SiteGen.Import.Syndication;

/// <summary>
/// The only URLs a converted item may link to: absolute http and https (and mailto for links), relative ones
/// resolved against the item's base. <c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c> and every
/// other scheme are refused, however they are spelt (case, entities, embedded tabs or newlines).
/// </summary>
internal static class SafeUrl
{
    /// <summary>The absolute URL, or null; <paramref name="unsafeScheme"/> tells a refused scheme from a URL that just cannot be resolved.</summary>
    public static Uri? Resolve(string? raw, Uri? baseUrl, bool allowMailto, out bool unsafeScheme)
    {
        unsafeScheme = false;
        if (raw is null)
        {
            return null;
        }
        // Browsers drop ASCII tabs and newlines anywhere in a URL and C0 controls and spaces at its ends: so do we, before judging the scheme.
        var cleaned = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                cleaned.Append(c);
            }
        }
        var url = cleaned.ToString().Trim(" \u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F".ToCharArray());
        if (url.Length == 0)
        {
            return null;
        }
        if (Scheme(url) is { } scheme)
        {
            var allowed = scheme is "http" or "https" || (allowMailto && scheme == "mailto");
            if (!allowed)
            {
                unsafeScheme = true;
                return null;
            }
            return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && Allowed(absolute, allowMailto) ? absolute : null;
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = (baseUrl?.Scheme ?? "https") + ":" + url;
            return Uri.TryCreate(url, UriKind.Absolute, out var schemeRelative) && Allowed(schemeRelative, false) ? schemeRelative : null;
        }
        if (baseUrl is null || url.StartsWith('#'))
        {
            return null;
        }
        return Uri.TryCreate(baseUrl, url, out var resolved) && Allowed(resolved, false) ? resolved : null;
    }

    /// <summary>The value as an absolute http(s) URI, or null (on Unix "/x" would otherwise parse as a file URI).</summary>
    public static Uri? HttpUri(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri : null;

    /// <summary>An http(s) URL for a link to the original, or null.</summary>
    public static string? Http(string? raw, Uri? baseUrl) =>
        Resolve(raw, baseUrl, allowMailto: false, out _) is { } uri ? uri.AbsoluteUri : null;

    /// <summary>The URL as a Markdown link destination inside <c>&lt;…&gt;</c>: entities and escapes must not be read again.</summary>
    public static string Destination(Uri uri)
    {
        var builder = new StringBuilder();
        foreach (var c in uri.AbsoluteUri)
        {
            if (c is '&' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is <= ' ' or '<' or '>' or '\u007F')
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool Allowed(Uri uri, bool allowMailto) =>
        uri.IsAbsoluteUri && (uri.Scheme is "http" or "https" || (allowMailto && uri.Scheme == "mailto"))
        && (uri.Scheme == "mailto" || uri.Host.Length > 0);

    /// <summary>The lower-cased scheme when the URL starts with one (letters, digits, + - . before the first ':').</summary>
    private static string? Scheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            if (!(char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))))
            {
                // A ':' after '/', '?' or '#' belongs to the path or query of a relative URL.
                return c is '/' or '?' or '#' ? null : "?";
            }
        }
        return url[..colon].ToLowerInvariant();
    }
}
