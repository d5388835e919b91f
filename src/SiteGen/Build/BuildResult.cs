using SiteGen.Diagnostics;

namespace SiteGen.Build;

/// <summary>What a build did, for the console summary and the JSON report.</summary>
public sealed record BuildResult(
    bool Succeeded,
    int Feeds,
    int Entries,
    int Articles,
    int Pages,
    int ExactDuplicates,
    int NearDuplicates,
    int Formulas,
    int FormulasCached,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, long> StageMilliseconds)
{
    /// <summary>HTML pages whose bytes this build wrote (changed or new); the others were kept as they were.</summary>
    public int PagesWritten { get; init; }

    /// <summary>Files of every kind this build wrote, and files it kept from the previous site unchanged.</summary>
    public int FilesWritten { get; init; }

    public int FilesReused { get; init; }

    /// <summary>True when the build reused files of the previous site (they were neither made again nor rewritten).</summary>
    public bool Incremental { get; init; }

    /// <summary>Why the build state kept between builds could not be used, when it could not (it was discarded).</summary>
    public string? StateNote { get; init; }

    /// <summary>True when nothing had changed since the last successful build, so its result stands and nothing was done (<see cref="UpToDate"/>).</summary>
    public bool UpToDate { get; init; }

    /// <summary>The content folder's stamp right after the import (<see cref="UpToDate"/>), for a one-shot build.</summary>
    internal string? ContentAfterImport { get; init; }

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
}
