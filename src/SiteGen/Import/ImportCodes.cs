namespace SiteGen.Import;

/// <summary>Diagnostic codes of the Import stage (documented in <c>docs/feeds.md</c>).</summary>
internal static class ImportCodes
{
    public const string InvalidUtf8 = "SG0101";
    public const string ControlCharacter = "SG0102";
    public const string EmptyFeed = "SG0103";
    public const string MissingSeedsDir = "SG0104";
    public const string NoFeeds = "SG0105";
    public const string UnreadableFeed = "SG0106";
    public const string FormulaKeptAsText = "SG0110";
    public const string EditedPageHasNewerVersion = "SG0120";
    public const string UnreadablePage = "SG0121";
    public const string DamagedPageClaimsArticle = "SG0150";
    public const string UnwritablePage = "SG0151";
    public const string ContentDirIsFile = "SG0152";
}
