namespace SiteGen.Content;

/// <summary>The raw YAML block and the Markdown body of a page, with the line where each starts.</summary>
internal sealed record SplitPage(string Yaml, int YamlLine, string Body, int BodyLine);

/// <summary>Separates <c>---</c>-fenced front matter from the body without losing line numbers.</summary>
internal static class FrontMatterSplitter
{
    /// <summary>Returns null when the file does not start with <c>---</c>; throws <see cref="FormatException"/> when it is not closed.</summary>
    public static SplitPage? Split(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != "---")
        {
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new SplitPage(yaml, 2, body, i + 2);
            }
        }

        throw new FormatException("no closing '---' for front matter; did you forget it?");
    }
}
