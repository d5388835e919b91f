using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Extensions.Placeholders;

/// <summary>A mark where the source lost a formula or code: <c>[Math]</c>, <c>[公式]</c> or <c>[代码]</c>.</summary>
public sealed class PlaceholderInline : LeafInline
{
    public PlaceholderInline(string label) => Label = label;

    /// <summary>The text between the brackets, e.g. <c>公式</c>.</summary>
    public string Label { get; }
}
