using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Writes <c>d/&lt;id&gt;.js</c>: URL <c>u</c>, title <c>t</c>, tags <c>g</c>, plain text <c>x</c> (blocks
/// joined by newlines, cut at a limit) and sections <c>s</c> as <c>[offset, anchor, heading]</c>.
/// </summary>
internal static class DocumentFragment
{
    public static long Write(string path, int id, SearchDocument doc, IReadOnlyList<ExtractedBlock> blocks, int maxChars)
    {
        var text = new StringBuilder();
        var sections = new List<(int Offset, string Anchor, string Heading)>();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (block.Kind == BlockKind.Heading && !string.IsNullOrEmpty(block.Anchor))
            {
                sections.Add((text.Length, block.Anchor, block.Text));
            }

            text.Append(block.Text);
        }

        var body = text.Length > maxChars ? text.ToString(0, CutAt(text, maxChars)) : text.ToString();
        return ScriptFile.Write(path, "d", id, json =>
        {
            json.WriteStartObject();
            json.WriteString("u", doc.Url);
            json.WriteString("t", doc.Title);
            json.WriteStartArray("g");
            foreach (var tag in doc.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("x", body);
            json.WriteStartArray("s");
            foreach (var (offset, anchor, heading) in sections)
            {
                json.WriteStartArray();
                json.WriteNumberValue(offset);
                json.WriteStringValue(anchor);
                json.WriteStringValue(heading);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    // Never split a surrogate pair: a lone half would be escaped as \uD8xx garbage.
    private static int CutAt(StringBuilder text, int max) => char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
}
