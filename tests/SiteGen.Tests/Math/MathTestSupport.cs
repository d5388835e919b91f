using Xunit;
using SiteGen.Mathematics;

namespace SiteGen.Tests.Mathematics;

/// <summary>Paths shared by the math tests.</summary>
internal static class MathPaths
{
    public static string RepoRoot => Support.RepoPaths.Root;

    public static string TestFiles => Path.Combine(AppContext.BaseDirectory, "TestFiles", "Math");

    public static string Conformance => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance"));
}

/// <summary>One engine pool with KaTeX defaults for every math test class (engines are the costly part).</summary>
public sealed class KatexFixture : IDisposable
{
    public KatexRenderer Renderer { get; } = new(KatexSettings.Default);

    public void Dispose() => Renderer.Dispose();
}

[CollectionDefinition(Name)]
public sealed class KatexCollection : ICollectionFixture<KatexFixture>
{
    public const string Name = "katex";
}
