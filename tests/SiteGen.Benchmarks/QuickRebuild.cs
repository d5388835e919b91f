using System.Diagnostics;
using SiteGen.Build;
using SiteGen.Config;

namespace SiteGen.Benchmarks;

/// <summary>
/// Where a serve-mode rebuild after one saved page spends its time, stage by stage, best of several
/// passes. Run: <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- quick-rebuild 10000</c>.
/// </summary>
internal static class QuickRebuild
{
    public static void Run(int articles, int passes)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitegen-quick-rebuild-{articles}");
        var config = SyntheticSite.Create(dir, articles);
        using var cache = new BuildSession();
        var clock = Stopwatch.StartNew();
        var first = new SiteBuilder(TimeProvider.System).Build(config, cache);
        Console.WriteLine($"{articles} articles, first build {clock.ElapsedMilliseconds} ms: {Stages(first)}");

        var edited = Path.Combine(config.ContentDir, "synthetic-000003.md");
        var times = new List<long>();
        for (var pass = 1; pass <= passes; pass++)
        {
            File.AppendAllText(edited, $"\n新增的一段 {pass}。\n");
            clock.Restart();
            var result = new SiteBuilder(TimeProvider.System).Build(config, cache);
            times.Add(clock.ElapsedMilliseconds);
            Console.WriteLine($"pass {pass}: {clock.ElapsedMilliseconds} ms ({(result.Succeeded ? "ok" : "FAILED")}): {Stages(result)}");
        }

        times.Sort();
        Console.WriteLine($"one-edit rebuild: best {times[0]} ms, median {times[times.Count / 2]} ms, worst {times[^1]} ms");
        Directory.Delete(dir, recursive: true);
    }

    private static string Stages(BuildResult result) =>
        string.Join(", ", result.StageMilliseconds.Select(kv => $"{kv.Key} {kv.Value}"));
}
