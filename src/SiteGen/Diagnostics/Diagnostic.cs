namespace SiteGen.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found while building, with a true source position (1-based line and column),
/// printed MSBuild-style so editors and CI logs can link to it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message)
{
    public static Diagnostic Warning(string code, string file, int line, int column, string message) =>
        new(Severity.Warning, code, file, line, column, message);

    public static Diagnostic Error(string code, string file, int line, int column, string message) =>
        new(Severity.Error, code, file, line, column, message);

    /// <summary><c>file(line,col): warning SG0101: message</c>.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var position = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : "";
        return $"{File}{position}: {kind} {Code}: {Message}";
    }
}
