using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// Readable, URL-safe slugs (<c>^[a-z0-9][a-z0-9-]*$</c>): the title's Latin words when it has some, else the
/// article id. Uniqueness against taken names (compared case-insensitively) is by a numeric suffix.
/// </summary>
internal sealed partial class MakeSlug
{
    private const int MaxLength = 60;

    public string From(string title, string id, ISet<string> taken)
    {
        var baseSlug = Readable(title) ?? id;
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        taken.Add(slug);
        return slug;
    }

    /// <summary>Null when the title has fewer than three Latin letters (e.g. a Chinese title): there is nothing readable to use.</summary>
    internal static string? Readable(string title)
    {
        var words = LatinWord().Matches(title).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Sum(w => w.Count(char.IsAsciiLetter)) < 3)
        {
            return null;
        }
        var slug = new StringBuilder();
        foreach (var word in words)
        {
            if (slug.Length + word.Length + 1 > MaxLength)
            {
                break;
            }
            if (slug.Length > 0)
            {
                slug.Append('-');
            }
            slug.Append(word);
        }
        return slug.Length > 0 ? slug.ToString() : null;
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex LatinWord();
}
