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
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
}
