using System.Diagnostics;

namespace SiteGen.Build;

/// <summary>Times each stage for the build report, in the order the stages ran.</summary>
public sealed class StageTimer
{
    private readonly List<KeyValuePair<string, long>> _stages = [];

    public T Time<T>(string stage, Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return run();
        }
        finally
        {
            _stages.Add(new(stage, watch.ElapsedMilliseconds));
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
}
