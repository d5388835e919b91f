using System.Diagnostics;
using Jint;

namespace SiteGen.Mathematics;

/// <summary>
/// The per-render time limit. Unlike Jint's <c>TimeoutInterval</c>, its budget can change between
/// calls: starting an engine (running katex.min.js) has no limit, so a slow start on a busy machine
/// is not mistaken for a slow formula; each render then gets <see cref="KatexSettings.RenderTimeout"/>.
/// </summary>
internal sealed class KatexDeadline : Constraint
{
    private long _deadline = long.MaxValue;

    /// <summary>The time the next engine call may take; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Budget { get; set; } = Timeout.InfiniteTimeSpan;

    // A clock only advances: checking every few statements only notices the timeout a little later.
    public override bool IsAmortizable => true;

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException();
        }
    }

    public override void Reset() =>
        _deadline = Budget == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(Budget.TotalSeconds * Stopwatch.Frequency);
}
