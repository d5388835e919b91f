using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Config;

/// <summary>
/// Reads the optional <c>sitegen.yml</c>. A broken config makes the whole site wrong, so its problems
/// are errors (SG05xx); unknown keys are warnings so a typo does not pass silently.
/// </summary>
public sealed class LoadConfig
{
    public const string FileName = "sitegen.yml";

    private static readonly HashSet<string> KnownKeys =
    [
        "title", "description", "language", "base_url", "dedup_threshold", "shingle_size",
        "taxonomy", "katex", "page_size", "translations", "search",
    ];

    /// <summary>Loads <paramref name="path"/> if it exists, on top of <paramref name="defaults"/>.</summary>
    public SiteConfig Run(string path, SiteConfig defaults, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            return defaults;
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                return defaults;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                diagnostics.Error("SG0501", path, 1, 1, "sitegen.yml must be a mapping of settings (key: value)");
                return defaults;
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            diagnostics.Error("SG0502", path, (int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
            return defaults;
        }

        return new ConfigReader(path, diagnostics).Apply(root, defaults, KnownKeys);
    }
}
