namespace SiteGen.Search;

/// <summary>Whether a block of extracted text is a heading (weighted, starts a section) or body text.</summary>
public enum BlockKind
{
    Body,
    Heading,
}

/// <summary>One paragraph, list item or heading of plain text; <see cref="Anchor"/> is the heading's id.</summary>
public sealed record ExtractedBlock(BlockKind Kind, string Text, string? Anchor);
