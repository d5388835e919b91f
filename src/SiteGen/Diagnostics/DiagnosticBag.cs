using System.Collections.Concurrent;

namespace SiteGen.Diagnostics;

/// <summary>Thread-safe collector of diagnostics; stages add, the orchestrator reads a sorted snapshot.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Warning(string code, string file, int line, int column, string message) =>
        Add(Diagnostic.Warning(code, file, line, column, message));

    public void Error(string code, string file, int line, int column, string message) =>
        Add(Diagnostic.Error(code, file, line, column, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    /// <summary>Diagnostics ordered by file, line, column and code, so output is deterministic across threads.</summary>
    public IReadOnlyList<Diagnostic> Snapshot() =>
        _items.OrderBy(d => d.File, StringComparer.Ordinal)
              .ThenBy(d => d.Line).ThenBy(d => d.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
