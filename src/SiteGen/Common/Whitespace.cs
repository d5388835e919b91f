using System.Text;

namespace SiteGen.Common;

/// <summary>Whitespace handling shared by the stages that compare, excerpt or index text.</summary>
public static class Whitespace
{
    /// <summary>Runs of whitespace become one space; none at either end.</summary>
    public static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
