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
    /// <summary>HTML pages this build wrote: all of them in a full build, the affected ones in a live rebuild.</summary>
    public int PagesWritten { get; init; }

    /// <summary>True when only the affected files were written into the served folder.</summary>
    public bool Incremental { get; init; }

    /// <summary>
    /// Work the live preview may run after the new HTML is served (e.g. a search index); <c>sitegen build</c>
    /// has already run it. Null when there is none.
    /// </summary>
    public Action? Deferred { get; init; }

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
}
