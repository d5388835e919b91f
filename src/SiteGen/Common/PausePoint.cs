namespace SiteGen.Common;

/// <summary>
/// Test-only: named points where a build can be made to stop, so a test can kill a real <c>sitegen build</c>
/// process at a known moment (during import, render, write, swap). With <c>SITEGEN_PAUSE_AT=&lt;point&gt;</c>
/// in its environment, the process prints <c>sitegen: paused at &lt;point&gt;</c> to stderr the first time it
/// reaches that point and then waits forever (the test kills it). Without the variable this is one
/// comparison with null. Points: <c>atomic-write</c> (a temporary file written, not yet renamed),
/// <c>render</c> (one page rendered), <c>write</c> (one file in the staging folder), <c>commit</c> (staging
/// complete, not yet swapped), <c>swap</c> (swapped, old site not yet deleted). <c>SITEGEN_PAUSE_AT=fail:&lt;point&gt;</c>
/// throws there instead, to test how an internal error is reported. Documented in docs/diagnostics.md.
/// </summary>
public static class PausePoint
{
    public const string Variable = "SITEGEN_PAUSE_AT";

    private static readonly string? Target = Environment.GetEnvironmentVariable(Variable);
    private static int _paused;

    public static void Reached(string point)
    {
        if (Target is null)
        {
            return;
        }

        if (Target.StartsWith("fail:", StringComparison.Ordinal) && Target.AsSpan(5).SequenceEqual(point))
        {
            throw new InvalidOperationException($"test fault at {point} ({Variable})");
        }

        if (!string.Equals(Target, point, StringComparison.Ordinal) || Interlocked.Exchange(ref _paused, 1) == 1)
        {
            return;
        }

        Console.Error.WriteLine($"sitegen: paused at {point}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
