using BenchmarkDotNet.Running;

namespace SiteGen.Benchmarks;

internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["quick-math", ..])
        {
            QuickMath.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
