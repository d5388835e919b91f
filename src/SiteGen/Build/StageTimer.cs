using System.Diagnostics;

namespace SiteGen.Build;

/// <summary>Hears each stage start and end, e.g. the command line's progress display.</summary>
public interface IStageListener
{
    void Started(string stage);

    void Finished(string stage, long milliseconds);
}

/// <summary>Times each stage for the build report, in the order the stages ran.</summary>
public sealed class StageTimer
{
    // Ambient per async flow, so a caller hears the stages of the builds it runs and no one else's
    // (tests and the live preview run builds side by side in one process).
    private static readonly AsyncLocal<IStageListener?> Ambient = new();

    private readonly List<KeyValuePair<string, long>> _stages = [];
    private readonly IStageListener? _listener = Ambient.Value;

    /// <summary>Sends the stages of every build started on this flow to <paramref name="listener"/> until disposed.</summary>
    public static IDisposable Listen(IStageListener listener)
    {
        var previous = Ambient.Value;
        Ambient.Value = listener;
        return new Restore(previous);
    }

    public T Time<T>(string stage, Func<T> run)
    {
        _listener?.Started(stage);
        var watch = Stopwatch.StartNew();
        try
        {
            return run();
        }
        finally
        {
            _stages.Add(new(stage, watch.ElapsedMilliseconds));
            _listener?.Finished(stage, watch.ElapsedMilliseconds);
        }
    }

    public void Time(string stage, Action run) => Time(stage, () =>
    {
        run();
        return true;
    });

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (stage, ms) in _stages)
        {
            result[stage] = result.GetValueOrDefault(stage) + ms;
        }

        return result;
    }

    private sealed class Restore(IStageListener? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
