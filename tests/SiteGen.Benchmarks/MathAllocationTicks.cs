using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SiteGen.Benchmarks;

/// <summary>Counts the runtime's allocation samples (one per ~100 KB) by type, to see what an engine allocates.</summary>
internal sealed class MathAllocationTicks : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public IEnumerable<KeyValuePair<string, long>> Top(int count) => _bytes.OrderByDescending(p => p.Value).Take(count);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload)
        {
            var type = payload[e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
            _bytes.AddOrUpdate(type, 100_000, (_, v) => v + 100_000);
        }
    }
}
