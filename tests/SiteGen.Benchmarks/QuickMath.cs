using System.Diagnostics;
using SiteGen.Mathematics;

namespace SiteGen.Benchmarks;

/// <summary>
/// Stopwatch numbers BenchmarkDotNet cannot give: the first pool of a fresh process (JIT and parsing
/// included) and formulas/s per pass. Run: <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- quick-math</c>.
/// </summary>
internal static class QuickMath
{
    private static bool IsPrepared() =>
        (bool)typeof(KatexRenderer).Assembly.GetType("SiteGen.Mathematics.KatexScript")!
            .GetProperty("IsPrepared")!.GetValue(null)!;

    public static void Run(bool coldOnly = false)
    {
        var formulas = BenchmarkFormulas.Load();
        if (Environment.GetEnvironmentVariable("SITEGEN_PREPARE_FIRST") is not null)
        {
            // What the pool costs when KaTeX was prepared in the background while the build read its pages.
            var preparing = Stopwatch.StartNew();
            KatexRenderer.PrepareInBackground();
            while (!IsPrepared())
            {
                Thread.Sleep(5);
            }

            Console.WriteLine($"prepared in the background: {preparing.ElapsedMilliseconds} ms");
        }

        var clock = Stopwatch.StartNew();
        using (var cold = new KatexRenderer(KatexSettings.Default))
        {
            cold.Render("x^2", false);
            Console.WriteLine(
                $"cold process, first pool + first formula: {clock.ElapsedMilliseconds} ms ({Environment.ProcessorCount} engines; " +
                $"process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms)");
            // What a first build feels: every distinct formula on the pool that just started.
            clock.Restart();
            Parallel.ForEach(formulas, f => cold.Render(f.Tex, f.Display));
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(
                $"cold process, then {formulas.Count} distinct formulas: {seconds * 1000:F0} ms = {formulas.Count / seconds:F0} formulas/s " +
                $"(process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms)");
        }

        if (coldOnly)
        {
            return;
        }

        for (var pass = 1; pass <= 5; pass++)
        {
            clock.Restart();
            using var katex = new KatexRenderer(KatexSettings.Default);
            katex.Warm();
            katex.Render("x^2", false);
            var start = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            Parallel.ForEach(formulas, f => katex.Render(f.Tex, f.Display));
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"pass {pass}: pool start {start:F0} ms; {formulas.Count} distinct formulas in {seconds * 1000:F0} ms = {formulas.Count / seconds:F0} formulas/s");
        }

        var variants = new (string Name, KatexSettings Settings)[]
        {
            ("1 engine", KatexSettings.Default with { EngineCount = 1 }),
            ("2 engines", KatexSettings.Default with { EngineCount = 2 }),
            ("2 engines, no statement/memory limit", KatexSettings.Default with { EngineCount = 2, MaxStatements = 0, MaxMemoryBytes = 0 }),
        };
        foreach (var (name, settings) in variants)
        {
            using var katex = new KatexRenderer(settings);
            katex.Warm();
            Parallel.ForEach(formulas.Take(30), f => katex.Render(f.Tex, !f.Display));
            clock.Restart();
            Parallel.ForEach(formulas, f => katex.Render(f.Tex, f.Display));
            Console.WriteLine($"{name}, warmed: {formulas.Count / clock.Elapsed.TotalSeconds:F0} formulas/s");
        }
    }
}
