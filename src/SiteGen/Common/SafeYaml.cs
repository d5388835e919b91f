using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Common;

/// <summary>What is wrong with a YAML text: a 1-based position within that text, a message and a fix hint.</summary>
public sealed record YamlProblem(int Line, int Column, string Message);

/// <summary>
/// Loads user-written YAML (<c>sitegen.yml</c>, front matter) without ever throwing. YamlDotNet reports most
/// mistakes as <see cref="YamlException"/>, but some inputs make it throw other exceptions (an unclosed
/// <c>[</c> followed by more lines throws <see cref="InvalidOperationException"/> from its scanner) and
/// deep nesting overflows the stack of its recursive node builder, which no <c>catch</c> survives. So the
/// text is first walked as a flat event stream (no recursion): that pass finds the depth and the last good
/// position, and only text that passes it is built into nodes.
/// </summary>
public static class SafeYaml
{
    /// <summary>Deeper nesting than any config or front matter needs, far below what overflows a thread's stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The root node of the first document (null for an empty text), or null and a <paramref name="problem"/>.</summary>
    public static YamlNode? Load(string text, out YamlProblem? problem)
    {
        var events = new List<ParsingEvent>();
        problem = Check(text, events);
        if (problem is not null)
        {
            problem = InFileLines(text, problem);
            return null;
        }

        try
        {
            // The nodes are built from the events the check already parsed: the text is scanned once.
            var stream = new YamlStream();
            stream.Load(new Replay(events));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            problem = InFileLines(text, FromYamlException(e, openFlow: null));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            // The event pass accepted it, so this is a YamlDotNet quirk in building nodes: report the start.
            problem = new YamlProblem(1, 1, $"invalid YAML ({e.Message}); check the quoting of values");
            return null;
        }
    }

    /// <summary>Walks the events once: depth, and a located message for whatever the parser rejects.</summary>
    private static YamlProblem? Check(string text, List<ParsingEvent> events)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<ParsingEvent>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                events.Add(current);
                last = current.End;
                if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
                {
                    anchors.Add(anchored.Anchor.Value);
                }

                switch (current)
                {
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return new YamlProblem((int)alias.Start.Line, (int)alias.Start.Column,
                            $"invalid YAML: '*{alias.Value.Value}' refers to an anchor '&{alias.Value.Value}' that is not defined before it; " +
                            "quote the value if the '*' is text");
                    case DocumentEnd:
                        anchors.Clear();
                        break;
                    case SequenceStart or MappingStart:
                        open.Push(current);
                        if (open.Count > MaxDepth)
                        {
                            return new YamlProblem((int)current.Start.Line, (int)current.Start.Column,
                                $"nested more than {MaxDepth} levels deep; flatten the value or quote it if the brackets are text");
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        open.TryPop(out _);
                        break;
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            return FromYamlException(e, InnermostFlow(open));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            var flow = InnermostFlow(open);
            if (flow is not null)
            {
                return Unclosed(flow, detail: null);
            }

            var line = Math.Max(1, (int)last.Line);
            return new YamlProblem(line, Math.Max(1, (int)last.Column), $"invalid YAML after this point ({e.Message}); check the quoting of values");
        }
    }

    /// <summary>
    /// YamlDotNet counts U+0085, U+2028, U+2029 and a lone CR as line breaks (YAML 1.1); editors and our
    /// diagnostics count LF. Walks the text as YamlDotNet does to the mark, then states the position in LF lines.
    /// </summary>
    private static YamlProblem InFileLines(string text, YamlProblem problem)
    {
        int line = 1, column = 1, i = 0;
        while (i < text.Length && (line < problem.Line || (line == problem.Line && column < problem.Column)))
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            i++;
        }

        var before = text.AsSpan(0, i);
        var fileLine = before.Count('\n') + 1;
        var fileColumn = i - (before.LastIndexOf('\n') + 1) + 1;
        return problem with { Line = fileLine, Column = fileColumn };
    }

    private static ParsingEvent? InnermostFlow(Stack<ParsingEvent> open) =>
        open.FirstOrDefault(e => e is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow });

    private static YamlProblem FromYamlException(YamlException e, ParsingEvent? openFlow)
    {
        var message = e.InnerException?.Message ?? e.Message;
        if (openFlow is not null && message.Contains("flow", StringComparison.OrdinalIgnoreCase))
        {
            return Unclosed(openFlow, message);
        }

        var line = Math.Max(1, (int)e.Start.Line);
        var column = Math.Max(1, (int)e.Start.Column);
        return new YamlProblem(line, column, $"invalid YAML: {message.TrimEnd('.')}; {Hint(message)}");
    }

    /// <summary>An unclosed <c>[</c> or <c>{</c> is reported where it opens, which is where the typo is.</summary>
    private static YamlProblem Unclosed(ParsingEvent flow, string? detail)
    {
        var (bracket, closing) = flow is SequenceStart ? ('[', ']') : ('{', '}');
        var why = detail is null ? "" : $" ({detail.TrimEnd('.')})";
        return new YamlProblem((int)flow.Start.Line, (int)flow.Start.Column,
            $"invalid YAML: the '{bracket}' here is never closed{why}; add the '{closing}', " +
            $"or quote the value if the '{bracket}' is text, e.g. \"{bracket}…\"");
    }

    private static string Hint(string message) =>
        message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "remove one of the two keys"
        : message.Contains("anchor", StringComparison.OrdinalIgnoreCase) ? "quote the value if '*' or '&' is text"
        : message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "indent with spaces, not tabs"
        : "check the indentation and quote values that contain ':', '#', '[', '{', '*', '&' or start with a quote";

    /// <summary>Hands recorded events to YamlDotNet's node builder as if they were being parsed.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next < events.Count)
            {
                Current = events[_next++];
                return true;
            }

            Current = null;
            return false;
        }
    }
}
