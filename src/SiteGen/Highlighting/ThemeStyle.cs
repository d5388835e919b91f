using TextMateSharp.Themes;

namespace SiteGen.Highlighting;

/// <summary>A token's look in one theme: its colour id in that theme's colour map and its font style bits.</summary>
internal readonly record struct TokenStyle(int Foreground, FontStyle FontStyle)
{
    /// <summary>Id 1 of every TextMateSharp colour map is the theme's default foreground.</summary>
    public const int DefaultForeground = 1;

    public bool IsDefault => Foreground == DefaultForeground && FontStyle <= FontStyle.None;
}

/// <summary>
/// Computes a token's style in one theme from its scope stack, the way TextMateSharp's own tokenizer merges
/// attributes while it pushes scopes: for each scope from the root down, the first theme rule for that scope
/// whose parent scopes match the scopes above it sets the colour and font style it defines. Tokenizing once
/// and resolving against two themes is half the work of tokenizing once per theme.
/// </summary>
internal sealed class ThemeStyle(Theme theme)
{
    // Not thread-safe: each pooled highlighter has its own.
    private readonly Dictionary<string, TokenStyle> _byScopePath = new(StringComparer.Ordinal);

    public TokenStyle Resolve(List<string> scopes, string scopePath)
    {
        if (_byScopePath.TryGetValue(scopePath, out var known))
        {
            return known;
        }

        var foreground = TokenStyle.DefaultForeground;
        var fontStyle = FontStyle.None;
        for (var i = 0; i < scopes.Count; i++)
        {
            foreach (var rule in theme.Match([scopes[i]]))
            {
                if (!Matches(scopes, i - 1, rule.parentScopes))
                {
                    continue;
                }

                if (rule.fontStyle != FontStyle.NotSet)
                {
                    fontStyle = rule.fontStyle;
                }

                if (rule.foreground != 0)
                {
                    foreground = rule.foreground;
                }

                break;
            }
        }

        var style = new TokenStyle(foreground, fontStyle);
        _byScopePath[scopePath] = style;
        return style;
    }

    // TextMateSharp's AttributedScopeStack.Matches: the selectors, innermost first, must appear in order
    // walking outwards from the scope above the current one.
    private static bool Matches(List<string> scopes, int from, List<string>? parentScopes)
    {
        if (parentScopes is null || parentScopes.Count == 0)
        {
            return true;
        }

        var index = 0;
        var selector = parentScopes[0];
        for (var i = from; i >= 0; i--)
        {
            if (MatchesScope(scopes[i], selector))
            {
                index++;
                if (index == parentScopes.Count)
                {
                    return true;
                }

                selector = parentScopes[index];
            }
        }

        return false;
    }

    private static bool MatchesScope(string scope, string selector) =>
        scope.Length == selector.Length
            ? string.Equals(scope, selector, StringComparison.Ordinal)
            : scope.Length > selector.Length && scope[selector.Length] == '.' && scope.StartsWith(selector, StringComparison.Ordinal);
}
