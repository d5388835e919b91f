using BenchmarkDotNet.Running;

namespace SiteGen.Benchmarks;

internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["quick-math", ..])
        {
            QuickMath.Run(coldOnly: args is [_, "cold"]);
            return;
        }

        if (args is ["cold-math"])
        {
            MathColdBreakdown.Run();
            return;
        }

        if (args is ["profile-math", ..])
        {
            MathProfileLoop.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            return;
        }

        if (args is ["quick-serve", ..])
        {
            QuickServe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5).GetAwaiter().GetResult();
            return;
        }

        if (args is ["quick-nesting"])
        {
            QuickNesting.Run();
            return;
        }

        if (args is ["quick-dedup", var feeds, ..])
        {
            QuickDedup.Run(feeds, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["quick-write", ..])
        {
            QuickWrite.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6);
            return;
        }

        if (args is ["quick-rebuild", ..])
        {
            QuickRebuild.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args is ["quick-import", var seeds, ..])
        {
            QuickImport.Run(seeds, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args is ["quick-highlight", ..])
        {
            HighlightBench.Lines(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
            return;
        }

        if (args is ["quick-highlight-site", _, _])
        {
            HighlightBench.Site(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
