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
        // Field names as the report has always had them; the stage names are dictionary keys and stay as they are.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
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
    bool Succeeded,
    bool UpToDate,
    int Feeds,
    int Entries,
    int Articles,
    int Pages,
    int ExactDuplicates,
    int NearDuplicates,
    int Formulas,
    int FormulasCached,
    int Warnings,
    int Errors,
    IReadOnlyList<ReportDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, long> Stages);

internal sealed record ReportDiagnostic(
    string Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Message);

[JsonSerializable(typeof(ReportFile))]
internal sealed partial class ReportJson : JsonSerializerContext;
