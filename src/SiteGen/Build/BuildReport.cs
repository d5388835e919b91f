using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Build;

/// <summary>Writes the <c>--report</c> JSON file.</summary>
public static class BuildReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(BuildResult result) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["succeeded"] = result.Succeeded,
        ["up_to_date"] = result.UpToDate,
        ["feeds"] = result.Feeds,
        ["entries"] = result.Entries,
        ["articles"] = result.Articles,
        ["pages"] = result.Pages,
        ["exact_duplicates"] = result.ExactDuplicates,
        ["near_duplicates"] = result.NearDuplicates,
        ["formulas"] = result.Formulas,
        ["formulas_cached"] = result.FormulasCached,
        ["warnings"] = result.Warnings,
        ["errors"] = result.Errors,
        ["diagnostics"] = result.Diagnostics.Select(d => new Dictionary<string, object>
        {
            ["severity"] = d.Severity == Diagnostics.Severity.Error ? "error" : "warning",
            ["code"] = d.Code,
            ["file"] = d.File,
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["message"] = d.Message,
        }).ToList(),
        ["stages"] = result.StageMilliseconds,
    }, Options);

    public static void Write(string path, BuildResult result)
    {
        // Atomic, so a tool watching the report never reads half of it.
        Common.AtomicFile.WriteAllText(Path.GetFullPath(path), ToJson(result) + "\n");
    }
}
