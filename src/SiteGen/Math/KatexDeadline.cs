using System.Diagnostics;
using Jint;
using Jint.Runtime;

namespace SiteGen.Mathematics;

/// <summary>
/// The per-render time and allocation limits, checked every few dozen statements. Unlike Jint's
/// <c>TimeoutInterval</c>, the budgets can change between calls: starting an engine (running katex.min.js)
/// has no limit, so a slow start on a busy machine is not mistaken for a slow formula; each render then gets
/// <see cref="KatexSettings.RenderTimeout"/> and <see cref="KatexSettings.MaxMemoryBytes"/>.
/// </summary>
/// <remarks>
/// Jint's own <c>LimitMemory</c> is checked before every statement and, being exact, turns off the
/// interpreter's statement fast paths (10–20% of a render). Here the allocation counter is read at the
/// amortized cadence instead: the script is KaTeX, whose statements each allocate a bounded amount whatever
/// the TeX, so a render stops at most a few dozen statements past the budget, not at an unbounded overshoot.
/// </remarks>
internal sealed class KatexDeadline : Constraint
{
    private long _deadline = long.MaxValue;
    private long _allocationLimit = long.MaxValue;

    /// <summary>The time the next engine call may take; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Budget { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>The bytes the next engine call may allocate on its thread; 0 or less for no limit.</summary>
    public long MemoryBudget { get; set; }

    // A clock and an allocation counter only advance: checking every few statements only notices a little later.
    public override bool IsAmortizable => true;

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException();
        }

        if (GC.GetAllocatedBytesForCurrentThread() > _allocationLimit)
        {
            throw new MemoryLimitExceededException($"allocated more than {MemoryBudget} bytes");
        }
    }

    public override void Reset()
    {
        _deadline = Budget == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(Budget.TotalSeconds * Stopwatch.Frequency);
        _allocationLimit = MemoryBudget <= 0 ? long.MaxValue : GC.GetAllocatedBytesForCurrentThread() + MemoryBudget;
    }
}
