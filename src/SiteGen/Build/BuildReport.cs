using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Build;

/// <summary>Writes the <c>--report</c> JSON file.</summary>
public static class BuildReport
{
    // Written field by field: no serializer to warm up (reflection's first use cost tens of milliseconds of every
    // build that writes a report), and the names and order are the file's contract, here in one place.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(BuildResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("succeeded", result.Succeeded);
            json.WriteBoolean("up_to_date", result.UpToDate);
            json.WriteNumber("feeds", result.Feeds);
            json.WriteNumber("entries", result.Entries);
            json.WriteNumber("articles", result.Articles);
            json.WriteNumber("pages", result.Pages);
            json.WriteNumber("exact_duplicates", result.ExactDuplicates);
            json.WriteNumber("near_duplicates", result.NearDuplicates);
            json.WriteNumber("formulas", result.Formulas);
            json.WriteNumber("formulas_cached", result.FormulasCached);
            json.WriteNumber("warnings", result.Warnings);
            json.WriteNumber("errors", result.Errors);
            json.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", d.Severity == Diagnostics.Severity.Error ? "error" : "warning");
                json.WriteString("code", d.Code);
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("stages");
            foreach (var (stage, ms) in result.StageMilliseconds)
            {
                json.WriteNumber(stage, ms);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(string path, BuildResult result)
    {
        // Atomic, so a tool watching the report never reads half of it.
        Common.AtomicFile.WriteAllText(Path.GetFullPath(path), ToJson(result) + "\n");
    }
}
