using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>
/// One document's entry in a <c>d/&lt;chunk&gt;.js</c> file: URL <c>u</c>, title <c>t</c>, tags <c>g</c>, plain text <c>x</c> (blocks
/// joined by newlines, cut at a limit), sections <c>s</c> as <c>[offset, anchor, heading, token position]</c>
/// and, when the text was cut, <c>c</c>: the token position from which text is missing. The reader
/// places a match past the cut in its section by the positions in the postings.
/// </summary>
internal static class DocumentFragment
{
    /// <param name="starts">The token position each block starts at (<see cref="DocumentTerms.Collect"/>).</param>
    public static byte[] Serialize(SearchDocument doc, IReadOnlyList<ExtractedBlock> blocks, int[] starts, int maxChars)
    {
        var text = new StringBuilder();
        var sections = new List<(int Offset, string Anchor, string Heading, int Position)>();
        int? cut = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (block.Kind == BlockKind.Heading && !string.IsNullOrEmpty(block.Anchor))
            {
                sections.Add((text.Length, block.Anchor, block.Text, starts[i]));
            }

            text.Append(block.Text);
            if (cut is null && text.Length > maxChars)
            {
                cut = starts[i];
            }
        }

        var body = text.Length > maxChars ? text.ToString(0, CutAt(text, maxChars)) : text.ToString();
        var output = new ArrayBufferWriter<byte>(body.Length * 3 + 256);
        using (var json = new Utf8JsonWriter(output, ScriptFile.Options))
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
            foreach (var (offset, anchor, heading, position) in sections)
            {
                json.WriteStartArray();
                json.WriteNumberValue(offset);
                json.WriteStringValue(anchor);
                json.WriteStringValue(heading);
                json.WriteNumberValue(position);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            if (cut is { } position0)
            {
                json.WriteNumber("c", position0);
            }

            json.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the fragment file <paramref name="path"/> (number <paramref name="chunk"/>): the fragments of consecutive
    /// documents as an array, so thousands of tiny files (that cost more to write and to serve than they save a
    /// reader) are not needed.
    /// </summary>
    public static WrittenFile WriteChunk(IndexFileSink sink, string path, int chunk, IReadOnlyList<byte[]> fragments) =>
        ScriptFile.Write(sink, path, "d", chunk, json =>
        {
            json.WriteStartArray();
            foreach (var fragment in fragments)
            {
                json.WriteRawValue(fragment, skipInputValidation: true);
            }

            json.WriteEndArray();
        });

    // Never split a surrogate pair: a lone half would be escaped as \uD8xx garbage.
    private static int CutAt(StringBuilder text, int max) => char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
}
