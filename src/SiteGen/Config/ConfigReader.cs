using System.Globalization;
using SiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Config;

/// <summary>Turns the YAML mapping of <c>sitegen.yml</c> into a <see cref="SiteConfig"/>, reporting bad values with their position.</summary>
internal sealed class ConfigReader(string path, DiagnosticBag diagnostics)
{
    public SiteConfig Apply(YamlMappingNode root, SiteConfig config, IReadOnlySet<string> knownKeys)
    {
        foreach (var (keyNode, value) in root.Children)
        {
            if (Key(keyNode) is not { } key)
            {
                continue;
            }

            if (!knownKeys.Contains(key))
            {
                Warn("SG0503", keyNode, $"unknown setting '{key}'; known settings are {string.Join(", ", knownKeys.Order())}");
                continue;
            }

            config = key switch
            {
                "title" => config with { Title = Scalar(value) ?? config.Title },
                "description" => config with { Description = Scalar(value) ?? config.Description },
                "language" => config with { Language = Scalar(value) ?? config.Language },
                "base_url" => config with { BaseUrl = BaseUrl.Normalize(Scalar(value) ?? config.BaseUrl) },
                "dedup_threshold" => config with { DedupThreshold = Number(value, 0.05, 1.0) ?? config.DedupThreshold },
                "shingle_size" => config with { ShingleSize = (int)(Number(value, 1, 32) ?? config.ShingleSize) },
                "page_size" => config with { PageSize = (int)(Number(value, 1, 10_000) ?? config.PageSize) },
                "taxonomy" => config with { Taxonomy = Taxonomy(value) },
                "katex" => ApplyKatex(value, config),
                "translations" => config with { Translations = Words(value) },
                "highlight" => ApplyHighlight(value, config),
                "static_dir" => config with { StaticDir = Scalar(value) ?? config.StaticDir },
                "search" => ApplySearch(value, config),
                _ => config,
            };
        }

        return config;
    }

    private SiteConfig ApplyKatex(YamlNode node, SiteConfig config)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error("SG0504", node, "'katex' must be a mapping of KaTeX options (and 'macros')");
            return config;
        }

        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is not { } key)
            {
                continue;
            }

            if (key == "macros" && value is YamlMappingNode macroMap)
            {
                foreach (var (name, body) in macroMap.Children)
                {
                    if (Key(name) is { } macro)
                    {
                        macros[macro] = Scalar(body) ?? "";
                    }
                }
            }
            else if (key is "throwOnError" or "displayMode")
            {
                Warn("SG0505", keyNode, $"KaTeX option '{key}' is set by SiteGen and cannot be changed");
            }
            else if (key == "trust")
            {
                Error("SG0506", keyNode, "KaTeX 'trust' stays off: feed text is untrusted and could inject links or HTML");
            }
            else
            {
                _plainNodes = 0;
                options[key] = PlainValue(value);
                if (_plainNodes > MaxPlainNodes)
                {
                    Error("SG0504", value, $"KaTeX option '{key}' is too large (more than {MaxPlainNodes} values, e.g. through aliases)");
                    options.Remove(key);
                }
            }
        }

        return config with { KatexOptions = options, KatexMacros = macros };
    }

    private SiteConfig ApplyHighlight(YamlNode node, SiteConfig config)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error("SG0504", node, "'highlight' must be a mapping with 'light' and 'dark' theme names");
            return config;
        }

        var highlight = config.Highlight;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is not { } key)
            {
                continue;
            }

            if (key is not ("light" or "dark"))
            {
                Warn("SG0811", keyNode, $"unknown highlight setting '{key}'; known settings are dark, light");
                continue;
            }

            var name = Scalar(value);
            if (name is null)
            {
                continue;
            }

            if (HighlightConfig.NormalizeTheme(name) is not { } theme)
            {
                Error("SG0810", value, $"unknown highlight theme '{name}'; use one of {string.Join(", ", HighlightConfig.ThemeNames)}");
                continue;
            }

            highlight = key == "light" ? highlight with { LightTheme = theme } : highlight with { DarkTheme = theme };
        }

        return config with { Highlight = highlight };
    }

    /// <summary><c>search: {synonyms: {线性: [linear], …}}</c>; a key or value with no letter or digit is ignored (SG0821).</summary>
    private SiteConfig ApplySearch(YamlNode node, SiteConfig config)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error("SG0504", node, "'search' must be a mapping, e.g. synonyms: {线性: [linear]}");
            return config;
        }

        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is not { } key)
            {
                continue;
            }

            if (key != "synonyms")
            {
                Warn("SG0820", keyNode, $"unknown search setting '{key}'; the only one is 'synonyms'");
                continue;
            }

            if (value is not YamlMappingNode words)
            {
                Error("SG0504", value, "'search.synonyms' must map a word to the words it also finds, e.g. 线性: [linear]");
                continue;
            }

            foreach (var (wordNode, alternatives) in words.Children)
            {
                var word = (Scalar(wordNode) ?? "").Trim();
                var list = alternatives is YamlSequenceNode sequence
                    ? sequence.Children.Select(n => (Node: n, Text: (Scalar(n) ?? "").Trim())).ToList()
                    : [(alternatives, (Scalar(alternatives) ?? "").Trim())];
                if (!Searchable(word))
                {
                    Warn("SG0821", wordNode, $"synonym key '{word}' has no letter or digit to search for; it is ignored");
                    continue;
                }

                var kept = new List<string>();
                foreach (var (valueNode, text) in list)
                {
                    if (Searchable(text))
                    {
                        kept.Add(text);
                    }
                    else
                    {
                        Warn("SG0821", valueNode, $"synonym '{text}' of '{word}' has no letter or digit to search for; it is ignored");
                    }
                }

                if (kept.Count > 0)
                {
                    synonyms[word] = kept;
                }
            }
        }

        return config with { SearchSynonyms = synonyms };
    }

    private static bool Searchable(string text) => text.EnumerateRunes().Any(System.Text.Rune.IsLetterOrDigit);

    private Dictionary<string, string> Words(YamlNode node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error("SG0504", node, "'translations' must map theme word names to text, e.g. skip_to_content: Skip to content");
            return result;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is { } key && Scalar(value) is { } text)
            {
                result[key] = text;
            }
        }

        return result;
    }

    private IReadOnlyDictionary<string, IReadOnlyList<string>> Taxonomy(YamlNode node)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error("SG0504", node, "'taxonomy' must map each tag to a list of keywords");
            return result;
        }

        foreach (var (tagNode, keywords) in mapping.Children)
        {
            if (Key(tagNode) is not { } tag)
            {
                continue;
            }

            result[tag] = keywords is YamlSequenceNode list
                ? list.Children.Select(Scalar).OfType<string>().Where(k => k.Length > 0).ToList()
                : [tag];
        }

        return result;
    }

    private const int MaxPlainNodes = 10_000;

    private int _plainNodes;

    private object? PlainValue(YamlNode node) => ++_plainNodes > MaxPlainNodes ? null : node switch
    {
        YamlScalarNode s when s.Style == YamlDotNet.Core.ScalarStyle.Plain && bool.TryParse(s.Value, out var b) => b,
        YamlScalarNode s when s.Style == YamlDotNet.Core.ScalarStyle.Plain
            && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(PlainValue).ToList(),
        YamlMappingNode map => map.Children
            .Where(kv => kv.Key is YamlScalarNode)
            .GroupBy(kv => ((YamlScalarNode)kv.Key).Value ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PlainValue(g.Last().Value)),
        _ => null,
    };

    /// <summary>A mapping key as text; a key that is a list or mapping (<c>[a]: b</c>) is an error.</summary>
    private string? Key(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Error("SG0508", node, "a setting's name must be plain text, not a list or mapping; remove the brackets or quote the name");
        return null;
    }

    private string? Scalar(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error("SG0504", node, "expected a single value here");
        return null;
    }

    private double? Number(YamlNode node, double min, double max)
    {
        var text = Scalar(node);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Error("SG0504", node, $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
        return null;
    }

    private void Warn(string code, YamlNode node, string message) =>
        diagnostics.Warning(code, path, (int)node.Start.Line, (int)node.Start.Column, message);

    private void Error(string code, YamlNode node, string message) =>
        diagnostics.Error(code, path, (int)node.Start.Line, (int)node.Start.Column, message);
}
