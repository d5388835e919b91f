using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Templates;

/// <summary>
/// The theme's own words (navigation, labels, page titles) in the site's language: one table per language
/// (<c>i18n/&lt;language&gt;.yml</c> in the theme, <c>zh-CN</c> and <c>en</c> to start), chosen by <c>language</c>
/// in <c>sitegen.yml</c>, with single words overridden under <c>translations:</c> there.
/// Words are plain text with numbered holes (<c>约 {0} 分钟读完</c>).
/// </summary>
public sealed class ThemeWords
{
    public const string Fallback = "en";

    private readonly IReadOnlyDictionary<string, string> _words;

    private ThemeWords(string language, IReadOnlyDictionary<string, string> words)
    {
        Language = language;
        _words = words;
    }

    /// <summary>The table the words came from (<c>zh-CN</c>, <c>en</c>).</summary>
    public string Language { get; }

    public bool Has(string key) => _words.ContainsKey(key);

    /// <summary>The word <paramref name="key"/> with its holes filled, as plain text (not escaped).</summary>
    public string Format(string key, params object?[] args)
    {
        if (!_words.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"the theme has no word '{key}'");
        }

        return Fill(text, args, static s => s);
    }

    /// <summary>As <see cref="Format"/>, HTML-escaped: the word and each argument escaped once.</summary>
    internal string FormatHtml(string key, object?[] args) =>
        Fill(TemplateEscaping.Escape(_words[key]), args, TemplateEscaping.Escape);

    /// <summary>Reads every table in the theme (<c>i18n/*.yml</c>); a table that is not a mapping of words is an error.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadTables(IEnumerable<ThemeFile> files, DiagnosticBag diagnostics)
    {
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Where(f => f.Path.StartsWith("i18n/", StringComparison.Ordinal) && f.Path.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var language = file.Path["i18n/".Length..^".yml".Length];
            if (ReadTable(file, diagnostics) is { } table)
            {
                tables[language] = table;
            }
        }

        return tables;
    }

    /// <summary>
    /// The words for <paramref name="language"/>: its own table (or its primary subtag's: <c>en-GB</c> → <c>en</c>),
    /// English for any word it lacks, then <paramref name="overrides"/>.
    /// </summary>
    internal static ThemeWords Resolve(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables, string language,
        IReadOnlyDictionary<string, string> overrides, string configFile, DiagnosticBag diagnostics)
    {
        var fallback = tables.GetValueOrDefault(Fallback) ?? new Dictionary<string, string>();
        var chosen = tables.ContainsKey(language) ? language
            : tables.ContainsKey(language.Split('-')[0]) ? language.Split('-')[0]
            : null;
        if (chosen is null)
        {
            diagnostics.Warning("SG0411", configFile, 0, 0,
                $"the theme has no words for language '{language}'; English is used. Add templates/i18n/{language}.yml (copy of the theme's en.yml), or set words under 'translations:'");
            chosen = Fallback;
        }

        var words = new Dictionary<string, string>(fallback, StringComparer.Ordinal);
        if (tables.TryGetValue(chosen, out var own))
        {
            var missing = fallback.Keys.Where(k => !own.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0 && chosen != Fallback)
            {
                diagnostics.Warning("SG0412", $"i18n/{chosen}.yml", 0, 0,
                    $"the words table for '{chosen}' lacks {string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? ", …" : "")}; English is used for them");
            }

            foreach (var (key, text) in own)
            {
                words[key] = text;
            }
        }

        foreach (var (key, text) in overrides)
        {
            if (!words.ContainsKey(key))
            {
                diagnostics.Warning("SG0414", configFile, 0, 0,
                    $"'translations: {key}' names no word of the theme; the words are listed in the theme's i18n/en.yml (see docs/theme.md)");
                continue;
            }

            words[key] = text;
        }

        return new ThemeWords(chosen, words);
    }

    /// <summary>The words of one table, for tests and tools.</summary>
    internal static ThemeWords Of(string language, IReadOnlyDictionary<string, string> words) => new(language, words);

    private static IReadOnlyDictionary<string, string>? ReadTable(ThemeFile file, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Encoding.UTF8.GetString(file.Bytes)));
            if (stream.Documents.Count == 0)
            {
                return new Dictionary<string, string>();
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                diagnostics.Error("SG0413", file.DisplayPath, 1, 1, "a words table must be a mapping of word names to text (key: text)");
                return null;
            }

            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
            {
                if (key is not YamlScalarNode { Value: { } name } || value is not YamlScalarNode { Value: { } text })
                {
                    diagnostics.Error("SG0413", file.DisplayPath, (int)key.Start.Line, (int)key.Start.Column, "each word must be 'name: text' on one line; quote text that contains ': ' or starts with '{'");
                    continue;
                }

                table[name] = text;
            }

            return table;
        }
        catch (YamlException e)
        {
            diagnostics.Error("SG0413", file.DisplayPath, (int)e.Start.Line, (int)e.Start.Column,
                $"words table is not valid YAML: {e.InnerException?.Message ?? e.Message}; quote text that contains ': ' or starts with '{{'");
            return null;
        }
    }

    private static string Fill(string text, object?[] args, Func<string, string> encode)
    {
        if (args.Length == 0 || !text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] == '{' ? text.IndexOf('}', i + 1) : -1;
            if (close > i + 1 && int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < args.Length)
            {
                result.Append(encode(TemplateEscaping.ToText(args[n])));
                i = close;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
