using System.Text.Json;
using SiteGen.Build;
using SiteGen.Diagnostics;

namespace SiteGen.Tests.Build;

/// <summary>The <c>--report</c> file is read by tools: its field names, their order and its text must not drift.</summary>
public sealed class BuildReportTests
{
    [Fact]
    public void TheReportHasItsFieldsInOrderAndTheStagesAsNamed()
    {
        var result = new BuildResult(true, 2, 30, 25, 28, 4, 1, 7, 3,
            [new Diagnostic(Severity.Warning, "SG0101", "seeds/a.txt", 3, 5, "行 “引号” <b>")],
            new Dictionary<string, long> { ["up-to-date"] = 0, ["state-read"] = 12, ["import"] = 340 });

        var json = BuildReport.ToJson(result);

        using var report = JsonDocument.Parse(json);
        Assert.Equal(
            ["succeeded", "up_to_date", "feeds", "entries", "articles", "pages", "exact_duplicates", "near_duplicates",
             "formulas", "formulas_cached", "warnings", "errors", "diagnostics", "stages"],
            report.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, report.RootElement.GetProperty("formulas_cached").GetInt32());
        var diagnostic = report.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(["severity", "code", "file", "line", "column", "message"], diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(["up-to-date", "state-read", "import"], report.RootElement.GetProperty("stages").EnumerateObject().Select(p => p.Name));
        // Readable in an editor: Chinese and quotes as they are, indented.
        Assert.Contains("行 “引号”", json);
        Assert.Contains("\n  \"succeeded\": true", json);
    }
}
