namespace SiteGen.Config;

/// <summary>The one trailing-slash policy: a base URL always ends in exactly one '/'.</summary>
public static class BaseUrl
{
    public static string Normalize(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return "/";
        }

        if (!trimmed.Contains("://", StringComparison.Ordinal) && !trimmed.StartsWith('/'))
        {
            trimmed = "/" + trimmed;
        }

        return trimmed.TrimEnd('/') + "/";
    }

    /// <summary>True when <paramref name="value"/> is usable as a base URL (absolute http(s) or a root-relative path).</summary>
    public static bool IsValid(string value) =>
        value.StartsWith('/')
            ? !value.Contains("//", StringComparison.Ordinal) && !value.Contains('?') && !value.Contains('#')
            : Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
              && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
