using System.Diagnostics;
using System.Reflection;
using SiteGen.Mathematics;

namespace SiteGen.Benchmarks;

/// <summary>Where a fresh process's first formula goes: parse KaTeX, build one engine, first render, second engine.</summary>
internal static class MathColdBreakdown
{
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        var cpu = () => $"{Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods jitted in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms";
        var script = typeof(KatexRenderer).Assembly.GetType("SiteGen.Mathematics.KatexScript")!;
        script.GetProperty("Katex", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        script.GetProperty("Bridge", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        Console.WriteLine($"prepare katex.min.js: {clock.ElapsedMilliseconds} ms (CPU {cpu()})");
        clock.Restart();
        using var one = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        one.Warm();
        one.Render("x^2", false);
        Console.WriteLine($"first engine + x^2: {clock.ElapsedMilliseconds} ms (CPU {cpu()})");
        clock.Restart();
        one.Render(@"\frac{a}{b} + \sum_{i=0}^n x_i", true);
        Console.WriteLine($"second formula: {clock.ElapsedMilliseconds} ms (CPU {cpu()})");
        clock.Restart();
        using var two = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        two.Render("x^2", false);
        Console.WriteLine($"another engine + x^2: {clock.ElapsedMilliseconds} ms (CPU {cpu()})");
    }
}
