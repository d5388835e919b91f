using System.Text.Json;

namespace SiteGen.Benchmarks;

/// <summary>The distinct (TeX, display) pairs of the conformance goldens: KaTeX's screenshot cases and the seeds' formulas.</summary>
internal static class BenchmarkFormulas
{
    public static IReadOnlyList<(string Tex, bool Display)> Load()
    {
        var dir = Path.Combine(RepoRoot(), "tests", "SiteGen.Tests", "TestFiles", "Math");
        return new[] { "katex-ss_data.golden.json", "seeds.golden.json" }
            .SelectMany(name => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name)))
                .RootElement.GetProperty("cases").EnumerateArray()
                // Cases with their own macros need another renderer; the benchmark uses one.
                .Where(c => !c.GetProperty("macros").EnumerateObject().Any())
                .Select(c => (c.GetProperty("tex").GetString()!, c.GetProperty("display").GetBoolean())))
            .Distinct()
            .ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
