namespace SiteGen.Import;

/// <summary>
/// One distinct normalized text as near-duplicate detection sees it: its core (the text without a closing
/// ellipsis) and whether it was cut off. NFKC has already turned "…" into "...".
/// </summary>
internal readonly record struct ArticleVersion(string Text, int CoreLength, bool Truncated)
{
    public ReadOnlySpan<char> Core => Text.AsSpan(0, CoreLength);

    public static ArticleVersion Of(string normalized)
    {
        var core = normalized.AsSpan();
        var truncated = core.EndsWith("...", StringComparison.Ordinal);
        if (truncated)
        {
            core = core.TrimEnd('.').TrimEnd(' ');
        }

        return new ArticleVersion(normalized, core.Length, truncated);
    }
}
