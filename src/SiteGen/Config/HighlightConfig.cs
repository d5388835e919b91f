using TextMateSharp.Grammars;

namespace SiteGen.Config;

/// <summary>
/// The two TextMate themes code blocks are coloured with (<c>highlight:</c> in <c>sitegen.yml</c>): the light
/// one by default, the dark one under <c>prefers-color-scheme: dark</c> and the theme toggle's <c>data-theme="dark"</c>.
/// Names are TextMateSharp's bundled themes (<see cref="ThemeNames"/>); VS Code's Light+ and Dark+ by default.
/// </summary>
public sealed record HighlightConfig(string LightTheme = nameof(ThemeName.LightPlus), string DarkTheme = nameof(ThemeName.DarkPlus))
{
    /// <summary>The bundled theme names, as <c>sitegen.yml</c> accepts them.</summary>
    public static IReadOnlyList<string> ThemeNames { get; } = Enum.GetNames<ThemeName>();

    /// <summary>
    /// The bundled theme <paramref name="name"/> means, or null. Case, spaces, '-' and '_' do not matter and
    /// '+' reads as "Plus", so <c>Light+</c>, <c>light-plus</c> and <c>LightPlus</c> are the same theme.
    /// </summary>
    public static string? NormalizeTheme(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var key = string.Concat(name.Where(c => c is not (' ' or '-' or '_'))).Replace("+", "Plus", StringComparison.Ordinal);
        return ThemeNames.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
    }
}
