using System.Collections.Concurrent;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace SiteGen.Mathematics;

/// <summary>
/// Jint engines, one per dedicated big-stack thread, fed from one queue. Jint engines are not
/// thread-safe, so each stays on its thread; an engine that trips a limit is thrown away and rebuilt.
/// Threads and engines start on the first render, so a site without math pays nothing.
/// </summary>
internal sealed class KatexEnginePool : IDisposable
{
    private readonly KatexSettings _settings;
    private readonly string _optionsJson;
    private readonly string _macrosJson;
    private readonly BlockingCollection<WorkItem> _queue = new();
    private readonly Lock _startLock = new();
    private Thread[]? _threads;

    public KatexEnginePool(KatexSettings settings, string optionsJson, string macrosJson)
    {
        _settings = settings;
        _optionsJson = optionsJson;
        _macrosJson = macrosJson;
    }

    /// <summary>Number of engines built so far, replacements included.</summary>
    public int EnginesCreated => _enginesCreated;

    private int _enginesCreated;

    public RenderOutcome Render(string tex, bool displayMode)
    {
        EnsureStarted();
        var item = new WorkItem(tex, displayMode);
        _queue.Add(item);
        return item.Completion.Task.GetAwaiter().GetResult();
    }

    /// <summary>Starts the threads and builds the engines now instead of on the first render.</summary>
    public void EnsureStarted()
    {
        if (Volatile.Read(ref _threads) is not null)
        {
            return;
        }

        lock (_startLock)
        {
            if (_threads is not null)
            {
                return;
            }

            var count = System.Math.Max(1, _settings.EngineCount);
            var threads = new Thread[count];
            for (var i = 0; i < count; i++)
            {
                threads[i] = new Thread(Work, _settings.ThreadStackBytes)
                {
                    IsBackground = true,
                    Name = $"katex-{i}",
                };
                threads[i].Start();
            }

            Volatile.Write(ref _threads, threads);
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads ?? [])
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        // Build the engine before taking work so that all engines warm up in parallel.
        var (engine, render, startError) = TryCreateEngine();
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (engine is null)
            {
                (engine, render, startError) = TryCreateEngine();
                if (engine is null)
                {
                    item.Completion.SetResult(RenderOutcome.Failure($"KaTeX engine could not start: {startError!.Message}"));
                    continue;
                }
            }

            try
            {
                item.Completion.SetResult(Read(engine.Invoke(render, item.Tex, item.DisplayMode)));
            }
            catch (JavaScriptException e) when (IsStackGuard(e))
            {
                // The stack guard unwinds with a RangeError and leaves the engine usable.
                item.Completion.SetResult(RenderOutcome.Failure($"formula nests too deeply for the engine's stack ({_settings.ThreadStackBytes / (1024 * 1024)} MB)"));
            }
            catch (JavaScriptException e)
            {
                // A JavaScript error other than ParseError leaves the engine usable.
                item.Completion.SetResult(RenderOutcome.Failure($"KaTeX failed: {e.Message}"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A tripped limit can leave the engine mid-call: replace it rather than trust it.
                engine.Dispose();
                engine = null;
                item.Completion.SetResult(RenderOutcome.Failure(LimitMessage(e)));
            }
        }

        engine?.Dispose();
    }

    private (Engine? Engine, JsValue Render, Exception? Error) TryCreateEngine()
    {
        try
        {
            var deadline = new KatexDeadline();
            var engine = new Engine(options =>
            {
                // Nesting: a catchable RangeError while the thread's stack still has room, on every route into a
                // function; cheaper than LimitRecursion's per-function call counting (docs/benchmarks.md, Math).
                options.Constraints.StackOverflowGuard = true;
                // A lone statement counter is charged inline; time and allocation are checked at the amortized cadence.
                options.MaxStatements(_settings.MaxStatements);
                options.Constraints.Constraints.Add(deadline);
            });
            engine.Execute(KatexScript.Katex);
            engine.Execute(KatexScript.Bridge);
            var bridge = engine.GetValue("__sitegen");
            engine.Invoke(bridge.Get("configure"), _optionsJson, _macrosJson);
            // From here on every call is a render: the time limit applies.
            deadline.Budget = _settings.RenderTimeout;
            deadline.MemoryBudget = _settings.MaxMemoryBytes;
            Interlocked.Increment(ref _enginesCreated);
            return (engine, bridge.Get("render"), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, JsValue.Undefined, e);
        }
    }

    private static RenderOutcome Read(JsValue result)
    {
        var array = result.AsArray();
        var error = array[1];
        var warnings = array[2].AsString();
        return new RenderOutcome(
            array[0].AsString(),
            error.IsNull() ? null : error.AsString(),
            warnings.Length == 0 ? [] : warnings.Split('\n').Select(ParseWarning).ToList(),
            IsFailure: false);
    }

    private static FormulaWarning ParseWarning(string line)
    {
        var separator = line.IndexOf('\0', StringComparison.Ordinal);
        return separator < 0 ? new FormulaWarning("", line) : new FormulaWarning(line[..separator], line[(separator + 1)..]);
    }

    private static bool IsStackGuard(JavaScriptException e) =>
        e.Error.IsObject() && e.Error.AsObject().Get("name").ToString() == "RangeError"
        && e.Message.Contains("call stack", StringComparison.OrdinalIgnoreCase);

    private string LimitMessage(Exception e) => e switch
    {
        TimeoutException => $"rendering took longer than {_settings.RenderTimeout.TotalSeconds:0.#} s",
        StatementsCountOverflowException => $"rendering needed more than {_settings.MaxStatements} JavaScript statements",
        MemoryLimitExceededException => $"rendering allocated more than {_settings.MaxMemoryBytes / (1024 * 1024)} MB",
        InsufficientExecutionStackException => "formula nests too deeply for the engine's stack",
        _ => $"KaTeX engine failed ({e.GetType().Name}: {e.Message})",
    };

    private sealed record WorkItem(string Tex, bool DisplayMode)
    {
        public TaskCompletionSource<RenderOutcome> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What one engine call produced; <see cref="IsFailure"/> means no KaTeX output (the message is in Error).</summary>
internal sealed record RenderOutcome(string Html, string? Error, IReadOnlyList<FormulaWarning> Warnings, bool IsFailure)
{
    public static RenderOutcome Failure(string message) => new("", message, [], IsFailure: true);
}
