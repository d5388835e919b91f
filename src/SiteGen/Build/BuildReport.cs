using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Build;

/// <summary>Writes the <c>--report</c> JSON file.</summary>
public static class BuildReport
{
    // Generated serialization: reflection's first use costs tens of milliseconds of every build that writes a report.
    private static readonly ReportJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string ToJson(BuildResult result) => JsonSerializer.Serialize(new ReportFile(
        result.Succeeded, result.UpToDate, result.Feeds, result.Entries, result.Articles, result.Pages,
        result.ExactDuplicates, result.NearDuplicates, result.Formulas, result.FormulasCached, result.Warnings, result.Errors,
        result.Diagnostics.Select(d => new ReportDiagnostic(
            d.Severity == Diagnostics.Severity.Error ? "error" : "warning", d.Code, d.File, d.Line, d.Column, d.Message)).ToList(),
        result.StageMilliseconds), Json.ReportFile);

    public static void Write(string path, BuildResult result)
    {
        // Atomic, so a tool watching the report never reads half of it.
        Common.AtomicFile.WriteAllText(Path.GetFullPath(path), ToJson(result) + "\n");
    }
}

/// <summary>The report's fields, in the order the file lists them.</summary>
internal sealed record ReportFile(
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("up_to_date")] bool UpToDate,
    [property: JsonPropertyName("feeds")] int Feeds,
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("exact_duplicates")] int ExactDuplicates,
    [property: JsonPropertyName("near_duplicates")] int NearDuplicates,
    [property: JsonPropertyName("formulas")] int Formulas,
    [property: JsonPropertyName("formulas_cached")] int FormulasCached,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<ReportDiagnostic> Diagnostics,
    [property: JsonPropertyName("stages")] IReadOnlyDictionary<string, long> Stages);

internal sealed record ReportDiagnostic(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("message")] string Message);

[JsonSerializable(typeof(ReportFile))]
internal sealed partial class ReportJson : JsonSerializerContext;
