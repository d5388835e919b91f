using SiteGen.Common;
using SiteGen.Diagnostics;
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
        "taxonomy", "katex", "page_size", "translations", "highlight", "static_dir", "search",
    ];

    /// <summary>Loads <paramref name="path"/> if it exists, on top of <paramref name="defaults"/>.</summary>
    public SiteConfig Run(string path, SiteConfig defaults, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(path))
        {
            diagnostics.Error("SG0507", path, 0, 0, "the configuration path is a folder; pass the sitegen.yml file with --config FILE");
            return defaults;
        }

        if (!File.Exists(path))
        {
            return defaults;
        }

        string text;
        try
        {
            var bytes = File.ReadAllBytes(path);
            text = Utf8Text.Decode(bytes, out var badByte);
            if (badByte is { } bad)
            {
                diagnostics.Error("SG0509", path, bad.Line, bad.Column, "sitegen.yml is not valid UTF-8 here; re-save it as UTF-8");
                return defaults;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error("SG0507", path, 0, 0, $"cannot read the configuration: {e.Message}; check that it is a readable file");
            return defaults;
        }

        var node = SafeYaml.Load(text, out var problem);
        if (problem is not null)
        {
            diagnostics.Error("SG0502", path, problem.Line, problem.Column, problem.Message);
            return defaults;
        }

        if (node is null)
        {
            return defaults;
        }

        if (node is not YamlMappingNode root)
        {
            diagnostics.Error("SG0501", path, 1, 1, "sitegen.yml must be a mapping of settings (key: value)");
            return defaults;
        }

        return new ConfigReader(path, diagnostics).Apply(root, defaults, KnownKeys);
    }
}
