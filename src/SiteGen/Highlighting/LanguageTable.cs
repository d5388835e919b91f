using System.Collections.Concurrent;
using TextMateSharp.Grammars;

namespace SiteGen.Highlighting;

/// <summary>
/// Resolves a fence's info string (<c>py</c>, <c>C#</c>, <c>yml</c>, <c>bash</c>) to a TextMate grammar scope:
/// SiteGen's own aliases first, then the grammar's language id, then the aliases the grammar packages declare,
/// then file extensions. Ids come before extensions because by extension <c>.js</c> finds the JSX grammar.
/// </summary>
internal sealed class LanguageTable(RegistryOptions options)
{
    /// <summary>Names that mean "not code to colour".</summary>
    public static readonly IReadOnlySet<string> PlainNames =
        new HashSet<string>(StringComparer.Ordinal) { "text", "txt", "plain", "plaintext", "none", "output", "nohighlight" };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["c#"] = "csharp", ["cs"] = "csharp", ["f#"] = "fsharp", ["fs"] = "fsharp",
        ["py"] = "python", ["python3"] = "python", ["py3"] = "python",
        ["sh"] = "shellscript", ["bash"] = "shellscript", ["zsh"] = "shellscript", ["shell"] = "shellscript",
        ["console"] = "shellscript", ["shell-session"] = "shellscript",
        ["js"] = "javascript", ["mjs"] = "javascript", ["cjs"] = "javascript", ["node"] = "javascript",
        ["ts"] = "typescript", ["yml"] = "yaml", ["md"] = "markdown",
        ["ps1"] = "powershell", ["pwsh"] = "powershell", ["ps"] = "powershell",
        ["c++"] = "cpp", ["golang"] = "go", ["rs"] = "rust", ["rb"] = "ruby",
        ["docker"] = "dockerfile", ["make"] = "makefile", ["patch"] = "diff", ["htm"] = "html", ["xhtml"] = "html",
        ["svg"] = "xml", ["json5"] = "jsonc",
    };

    private readonly ConcurrentDictionary<string, string?> _scopes = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, string>> _declaredAliases = new(() => DeclaredAliases(options));

    public CodeLanguage Resolve(string info)
    {
        var name = info.Trim().ToLowerInvariant();
        if (name.Length == 0 || PlainNames.Contains(name))
        {
            return CodeLanguage.Plain(name);
        }

        var scope = _scopes.GetOrAdd(name, Lookup);
        return scope is null ? CodeLanguage.Unknown(name) : new CodeLanguage(CodeLanguageKind.Known, name, scope);
    }

    private string? Lookup(string name)
    {
        var id = Aliases.GetValueOrDefault(name, name);
        return options.GetScopeByLanguageId(id)
            ?? (_declaredAliases.Value.TryGetValue(id, out var declared) ? options.GetScopeByLanguageId(declared) : null)
            ?? (id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? options.GetScopeByExtension("." + id) : null);
    }

    private static Dictionary<string, string> DeclaredAliases(RegistryOptions options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in options.GetAvailableLanguages())
        {
            foreach (var alias in language.Aliases ?? [])
            {
                result.TryAdd(alias.ToLowerInvariant(), language.Id);
            }
        }

        return result;
    }
}
