using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace SiteGen.Import.Syndication;

internal sealed partial class HtmlToMarkdown
{
    /// <summary>The containers of a walk: lists, quotes, code blocks and tables.</summary>
    private sealed partial class Walk
    {
        private void List(IElement list)
        {
            Flush();
            var ordered = list.LocalName == "ol";
            var number = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                ? System.Math.Min(start, 999_999_999) : 1;
            // Two lists in a row would merge into one unless the second uses the other marker.
            var marker = ordered ? '.' : '-';
            if (_lastListMarker == marker)
            {
                marker = ordered ? ')' : '*';
            }

            var groups = new List<List<INode>>();
            foreach (var child in list.ChildNodes)
            {
                if (child is IElement { LocalName: "li" } item)
                {
                    groups.Add(item.ChildNodes.ToList());
                }
                else if (groups.Count > 0)
                {
                    groups[^1].Add(child);
                }
                else if (child is IElement || child.TextContent.Trim().Length > 0)
                {
                    groups.Add([child]);
                }
            }

            var items = new List<string>();
            foreach (var group in groups)
            {
                var blocks = Nested(group);
                // A paragraph and the list nested under it stay tight: "- text\n  - nested".
                var content = string.Concat(blocks.Select((b, i) => i == 0 ? b : (IsList(b) && !IsList(blocks[i - 1]) ? "\n" : "\n\n") + b));
                if (content.Length == 0)
                {
                    continue;
                }
                var bullet = ordered ? $"{number++.ToString(CultureInfo.InvariantCulture)}{marker} " : $"{marker} ";
                items.Add(Indent(content, bullet, new string(' ', bullet.Length)));
            }
            if (items.Count > 0)
            {
                AddBlock(string.Join("\n", items), "");
                _lastListMarker = marker;
            }
        }

        private void Quote(IElement quote)
        {
            Flush();
            var content = string.Join("\n\n", Nested(quote.ChildNodes));
            if (content.Length > 0)
            {
                AddBlock(string.Join("\n", content.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line)), "");
            }
        }

        /// <summary>Walks nodes as their own container (a list item, a quote) and returns its blocks.</summary>
        private List<string> Nested(IEnumerable<INode> nodes)
        {
            var inner = new Walk(headingShift, baseUrl);
            inner.Blocks(nodes);
            inner.Flush();
            Removed += inner.Removed;
            Formulas.AddRange(inner.Formulas);
            Text.Append(inner.Text);
            return inner.Output;
        }

        /// <summary>A block this walk wrote as a list (paragraph text never starts with an unescaped marker).</summary>
        private static bool IsList(string block)
        {
            var digits = 0;
            while (digits < block.Length && char.IsAsciiDigit(block[digits]))
            {
                digits++;
            }
            return block.StartsWith("- ", StringComparison.Ordinal) || block.StartsWith("* ", StringComparison.Ordinal)
                || (digits > 0 && block.Length > digits + 1 && block[digits] is '.' or ')' && block[digits + 1] == ' ');
        }

        private static string Indent(string content, string first, string rest)
        {
            var lines = content.Split('\n');
            var builder = new StringBuilder(first).Append(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                builder.Append('\n');
                if (line.Length > 0)
                {
                    builder.Append(rest).Append(line);
                }
            }
            return builder.ToString();
        }

        private void Pre(IElement pre)
        {
            Flush();
            var code = new StringBuilder();
            PreText(pre, code);
            var text = code.ToString().TrimEnd('\n', '\r', ' ', '\t');
            if (text.Trim().Length == 0)
            {
                return;
            }
            var language = Language(pre) ?? pre.QuerySelectorAll("code").Select(Language).FirstOrDefault(l => l is not null);
            var fence = new string('`', System.Math.Max(3, LongestRun(text, '`') + 1));
            AddBlock($"{fence}{language}\n{text}\n{fence}", text);
        }

        private void PreText(INode node, StringBuilder code)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        code.Append(text.Data);
                        break;
                    case IElement { LocalName: "br" }:
                        code.Append('\n');
                        break;
                    case IElement element when IsDropped(element):
                        Removed += IsCounted(element) ? 1 : 0;
                        break;
                    case IElement element:
                        PreText(element, code);
                        if (IsBlock(element) && code.Length > 0 && code[^1] != '\n')
                        {
                            code.Append('\n');
                        }
                        break;
                }
            }
        }

        /// <summary>The <c>language-x</c> (or <c>lang-x</c>) class, restricted to characters a fence's info string can safely hold.</summary>
        private static string? Language(IElement element)
        {
            foreach (var name in element.ClassList)
            {
                var value = name.StartsWith("language-", StringComparison.Ordinal) ? name[9..]
                    : name.StartsWith("lang-", StringComparison.Ordinal) ? name[5..] : null;
                if (value is { Length: > 0 and <= 40 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '#' or '.' or '-'))
                {
                    return value;
                }
            }
            return null;
        }

        private static int LongestRun(string text, char c)
        {
            int longest = 0, run = 0;
            foreach (var x in text)
            {
                run = x == c ? run + 1 : 0;
                longest = System.Math.Max(longest, run);
            }
            return longest;
        }

        private void Table(IElement table)
        {
            Flush();
            var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
            var cells = rows.Select(r => r.Children.Where(c => c.LocalName is "td" or "th").ToList()).ToList();
            if (IsSimple(table, cells))
            {
                var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
                if (caption is not null)
                {
                    Children(caption);
                    Flush();
                }
                var columns = cells.Max(r => r.Count);
                var lines = new List<string>();
                var plain = new StringBuilder();
                foreach (var row in cells)
                {
                    var written = row.Select(InlineOnly).ToList();
                    lines.Add("| " + string.Join(" | ", written.Select(w => w.Markdown).Concat(Enumerable.Repeat("", columns - row.Count))) + " |");
                    plain.AppendJoin(' ', written.Select(w => w.Plain)).Append('\n');
                    if (lines.Count == 1)
                    {
                        lines.Add("|" + string.Concat(Enumerable.Repeat(" --- |", columns)));
                    }
                }
                AddBlock(string.Join("\n", lines), plain.ToString().TrimEnd('\n'));
                return;
            }
            // Anything richer keeps its text: each cell's content as blocks, row by row.
            foreach (var child in table.ChildNodes)
            {
                Node(child);
                Flush();
            }
        }

        private static bool IsSimple(IElement table, List<List<IElement>> cells)
        {
            if (cells.Count == 0 || cells.Any(r => r.Count == 0) || table.QuerySelector("table") is not null)
            {
                return false;
            }
            foreach (var cell in cells.SelectMany(r => r))
            {
                if (Span(cell, "colspan") > 1 || Span(cell, "rowspan") > 1
                    || cell.QuerySelector("ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, hr, dl, li") is not null)
                {
                    return false;
                }
            }
            return true;
        }

        private static int Span(IElement cell, string attribute) =>
            int.TryParse(cell.GetAttribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
    }
}
