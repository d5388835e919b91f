using Acornima.Ast;
using Jint;

namespace SiteGen.Mathematics;

/// <summary>
/// KaTeX and SiteGen's bridge, parsed once per process and shared by every engine of every pool
/// (a prepared script is immutable and thread-safe).
/// </summary>
internal static class KatexScript
{
    private static readonly Lazy<Prepared<Script>> LazyKatex =
        new(() => Engine.PrepareScript(KatexResources.ReadText("katex.min.js"), "katex.min.js", strict: false));

    private static readonly Lazy<Prepared<Script>> LazyBridge =
        new(() => Engine.PrepareScript(KatexResources.ReadText("sitegen-katex.js"), "sitegen-katex.js", strict: false));

    public static Prepared<Script> Katex => LazyKatex.Value;

    /// <summary>True once both scripts are parsed (or failed to parse).</summary>
    public static bool IsPrepared => LazyKatex.IsValueCreated && LazyBridge.IsValueCreated;

    /// <summary>
    /// Parses both scripts on a pool thread. An engine that needs them meanwhile waits for that parse
    /// rather than starting its own; a parse error resurfaces when an engine starts.
    /// </summary>
    public static void PrepareInBackground() => ThreadPool.QueueUserWorkItem(_ =>
    {
        try
        {
            _ = LazyKatex.Value;
            _ = LazyBridge.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Lazy keeps the exception; the first engine reports it as "could not start".
        }
    });

    public static Prepared<Script> Bridge => LazyBridge.Value;
}
