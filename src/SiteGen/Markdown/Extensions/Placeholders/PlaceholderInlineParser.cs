using Markdig.Helpers;
using Markdig.Parsers;

namespace SiteGen.Markdown.Extensions.Placeholders;

/// <summary>Recognises the exact placeholder marks before Markdig tries to read them as link text.</summary>
public sealed class PlaceholderInlineParser : InlineParser
{
    /// <summary>The marks the feeds use for lost content; anything else in brackets stays ordinary text.</summary>
    public static readonly IReadOnlyList<string> Labels = ["Math", "公式", "代码"];

    public PlaceholderInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        foreach (var label in Labels)
        {
            if (!Matches(slice, label))
            {
                continue;
            }

            var start = slice.Start;
            processor.Inline = new PlaceholderInline(label)
            {
                Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), 0),
                Line = line,
                Column = column,
            };
            processor.Inline.Span.End = processor.Inline.Span.Start + label.Length + 1;
            slice.Start += label.Length + 2;
            return true;
        }

        return false;
    }

    private static bool Matches(StringSlice slice, string label)
    {
        var text = slice.Text.AsSpan(slice.Start + 1);
        return text.Length > label.Length && text.StartsWith(label, StringComparison.Ordinal) && text[label.Length] == ']';
    }
}
