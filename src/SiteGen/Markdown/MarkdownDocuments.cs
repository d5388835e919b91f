using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown;

/// <summary>Finds the document a block or inline belongs to, where renderers keep per-page data.</summary>
internal static class MarkdownDocuments
{
    public static MarkdownDocument? Containing(MarkdownObject obj)
    {
        var block = obj as Block;
        if (obj is Inline inline)
        {
            var container = inline.Parent;
            while (container?.Parent is not null)
            {
                container = container.Parent;
            }

            block = container?.ParentBlock;
        }

        while (block is not null and not MarkdownDocument)
        {
            block = block.Parent;
        }

        return block as MarkdownDocument;
    }
}
