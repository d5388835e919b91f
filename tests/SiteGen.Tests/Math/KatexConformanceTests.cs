using Xunit;
using System.Text;
using System.Text.Json;
using SiteGen.Mathematics;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Mathematics;

/// <summary>
/// KaTeX in Jint must produce byte for byte what Node's <c>katex.renderToString</c> produces.
/// Goldens come from <c>Math/Goldens/make-goldens.mjs</c>; this test runs without Node.
/// </summary>
[Collection(KatexCollection.Name)]
public sealed class KatexConformanceTests(KatexFixture fixture)
{
    [Fact]
    public void Goldens_were_made_with_the_embedded_katex()
    {
        foreach (var name in new[] { "katex-ss_data.golden.json", "seeds.golden.json" })
        {
            Assert.Equal(KatexRenderer.KatexVersion, Golden.Load(name).Katex);
        }
    }

    [Fact]
    public void Node_and_YamlDotNet_read_the_same_screenshot_cases()
    {
        var golden = Golden.Load("katex-ss_data.golden.json").Cases;
        var fromYaml = ReadScreenshotCases();
        Assert.Equal(fromYaml.Count, golden.Count);
        foreach (var (expected, actual) in fromYaml.Zip(golden))
        {
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Tex, actual.Tex);
            Assert.Equal(expected.Display, actual.Display);
            Assert.Equal(expected.Macros.OrderBy(p => p.Key), actual.Macros.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void Seed_formulas_match_the_goldens()
    {
        var golden = Golden.Load("seeds.golden.json").Cases;
        var seeds = SeedFormulas.Read(Path.Combine(MathPaths.RepoRoot, "seeds"));
        Assert.Equal(seeds.Select(s => (s.Tex, s.Display)), golden.Select(g => (g.Tex, g.Display)));
    }

    [Fact]
    public void Screenshot_cases_render_byte_identical_to_node() =>
        AssertIdentical(Golden.Load("katex-ss_data.golden.json").Cases);

    [Fact]
    public void Seed_formulas_render_byte_identical_to_node() =>
        AssertIdentical(Golden.Load("seeds.golden.json").Cases);

    private void AssertIdentical(IReadOnlyList<GoldenCase> cases)
    {
        var failures = new StringBuilder();
        var withMacros = new Dictionary<string, KatexRenderer>();
        try
        {
            foreach (var c in cases)
            {
                var renderer = fixture.Renderer;
                if (c.Macros.Count > 0)
                {
                    var key = string.Join("\n", c.Macros.OrderBy(p => p.Key, StringComparer.Ordinal));
                    if (!withMacros.TryGetValue(key, out renderer))
                    {
                        renderer = new KatexRenderer(KatexSettings.Default with { Macros = c.Macros, EngineCount = 1 });
                        withMacros[key] = renderer;
                    }
                }

                var actual = renderer.Render(c.Tex, c.Display).Html;
                if (actual != c.Html)
                {
                    failures.AppendLine($"--- {c.Name} (display={c.Display}): {c.Tex}")
                        .AppendLine($"    expected: {c.Html}")
                        .AppendLine($"    actual:   {actual}");
                }
            }
        }
        finally
        {
            foreach (var renderer in withMacros.Values)
            {
                renderer.Dispose();
            }
        }

        Assert.True(failures.Length == 0, $"KaTeX output differs from Node's:\n{failures}");
    }

    private static List<GoldenCase> ReadScreenshotCases()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(MathPaths.Conformance, "katex-ss_data.yaml")))
        {
            yaml.Load(reader);
        }

        var cases = new List<GoldenCase>();
        foreach (var (key, value) in (YamlMappingNode)yaml.Documents[0].RootNode)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (value is YamlScalarNode scalar)
            {
                cases.Add(new GoldenCase(name, scalar.Value ?? "", false, new Dictionary<string, string>(), ""));
                continue;
            }

            var map = (YamlMappingNode)value;
            string? Scalar(string k) => map.Children.TryGetValue(k, out var v) ? ((YamlScalarNode)v).Value : null;
            var macros = map.Children.TryGetValue("macros", out var m)
                ? ((YamlMappingNode)m).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "")
                : new Dictionary<string, string>();
            var display = Scalar("display") is { } d && d is not ("0" or "false" or "");
            cases.Add(new GoldenCase(name, Scalar("tex") ?? "", display, macros, ""));
        }

        return cases;
    }
}

internal sealed record GoldenFile(string Katex, List<GoldenCase> Cases);

internal sealed record GoldenCase(string Name, string Tex, bool Display, Dictionary<string, string> Macros, string Html);

internal static class Golden
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static GoldenFile Load(string name) =>
        JsonSerializer.Deserialize<GoldenFile>(File.ReadAllText(Path.Combine(MathPaths.TestFiles, name)), Options)
        ?? throw new InvalidOperationException($"empty golden file {name}");
}

/// <summary>The seeds' <c>\( … \)</c> and <c>\[ … \]</c> formulas, found the way make-goldens.mjs finds them.</summary>
internal static class SeedFormulas
{
    public static List<(string Tex, bool Display)> Read(string seedsDir) =>
        Directory.GetFiles(seedsDir, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(file), @"\\\((.+?)\\\)|\\\[(.+?)\\\]", System.Text.RegularExpressions.RegexOptions.Singleline))
            .Select(m => m.Groups[2].Success ? (m.Groups[2].Value.Trim(), true) : (m.Groups[1].Value.Trim(), false))
            .ToList();
}
