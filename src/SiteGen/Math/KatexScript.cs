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

    public static Prepared<Script> Bridge => LazyBridge.Value;
}
