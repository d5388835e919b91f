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

    // RSS, Atom and JSON Feed files (Syndication/).
    public const string MalformedXml = "SG0130";
    public const string UnreadableItem = "SG0131";
    public const string NotAFeed = "SG0132";
    public const string MalformedJson = "SG0133";
    public const string BadItemDate = "SG0134";
    public const string EmptyItem = "SG0135";
    public const string ContentRemoved = "SG0136";
    public const string UnsafeItemLink = "SG0137";
    public const string UnsupportedContent = "SG0138";
    public const string UnknownEncoding = "SG0139";

    // Pages in content/ that cannot be read or written.
    public const string DamagedPageClaimsArticle = "SG0150";
    public const string UnwritablePage = "SG0151";
    public const string ContentDirIsFile = "SG0152";
}
