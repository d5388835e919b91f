using System.Diagnostics;
using System.Text;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace SiteGen.Highlighting;

/// <summary>
/// One highlighter of the pool: its own TextMateSharp <see cref="Registry"/> and lazily loaded grammars (neither
/// is thread-safe, so an engine serves one block at a time), and its own style caches for the two shared themes.
/// </summary>
internal sealed class TextMateEngine(RegistryOptions options, HighlightThemes themes, HighlightSettings settings)
{
    private readonly Registry _registry = new(options);
    private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);
    private readonly ThemeStyle _light = new(themes.Light);
    private readonly ThemeStyle _dark = new(themes.Dark);
    private readonly Dictionary<(TokenStyle, TokenStyle), SpanClass?> _classes = [];

    /// <summary>Tokenizes <paramref name="lines"/> with the grammar of <paramref name="scope"/> and writes classed, escaped HTML.</summary>
    public HighlightedCode Highlight(string scope, IReadOnlyList<string> lines)
    {
        if (!_grammars.TryGetValue(scope, out var grammar))
        {
            grammar = _registry.LoadGrammar(scope);
            _grammars[scope] = grammar;
        }

        if (grammar is null)
        {
            return HighlightedCode.Failure($"the grammar for '{scope}' could not be loaded");
        }

        var html = new StringBuilder(lines.Sum(l => l.Length) * 3 + 16);
        var writer = new SpanWriter(html);
        var complete = true;
        var clock = Stopwatch.StartNew();
        IStateStack? state = null;
        foreach (var line in lines)
        {
            if (line.Length > settings.MaxLineLength || clock.Elapsed > settings.BlockTimeLimit)
            {
                // Plain, and the grammar state carries over unchanged: the next line starts as if this one were empty.
                complete &= line.Length > settings.MaxLineLength;
                writer.Text(line, null, whitespace: false);
                writer.EndLine();
                continue;
            }

            var result = Tokenize(grammar, line, state, scope);
            if (StoppedShort(result, line))
            {
                // Usually a cold grammar compiling its rules (slow under load); they are cached now, so try once more.
                result = Tokenize(grammar, line, state, scope);
            }

            state = result.RuleStack;
            var position = 0;
            foreach (var token in result.Tokens)
            {
                var start = Math.Clamp(token.StartIndex, position, line.Length);
                var end = Math.Clamp(token.EndIndex, start, line.Length);
                if (start > position)
                {
                    writer.Text(line.AsSpan(position, start - position), null, whitespace: false);
                }

                if (end > start)
                {
                    var text = line.AsSpan(start, end - start);
                    writer.Text(text, ClassOf(token.Scopes), text.IsWhiteSpace());
                }

                position = end;
            }

            if (position < line.Length || SaysStoppedEarly(result))
            {
                // The tokenizer hit its time limit: the rest of the line stays plain.
                complete = false;
                writer.Text(line.AsSpan(position), null, whitespace: false);
            }

            writer.EndLine();
        }

        return new HighlightedCode(html.ToString(), null, complete, FromCache: false);
    }

    private ITokenizeLineResult Tokenize(IGrammar grammar, string line, IStateStack? state, string scope) =>
        grammar.TokenizeLine(line, state, settings.LineTimeLimit)
            ?? throw new InvalidOperationException($"the grammar for '{scope}' has no root rule");

    /// <summary>True when the tokenizer hit its time limit: it says so, or its tokens end before the line does.</summary>
    private static bool StoppedShort(ITokenizeLineResult result, string line) =>
        line.Length > 0 && (SaysStoppedEarly(result) || result.Tokens.Length == 0 || result.Tokens[^1].EndIndex < line.Length);

    // TextMateSharp 2.0.5 keeps StoppedEarly on its internal result class, and a line cut short by the time limit
    // can still end in a token that reaches the end of the line; without the flag such a line passed as complete.
    private static readonly System.Reflection.PropertyInfo? StoppedEarly =
        typeof(ITokenizeLineResult).Assembly.GetType("TextMateSharp.Internal.Grammars.TokenizeLineResult")?.GetProperty("StoppedEarly");

    private static bool SaysStoppedEarly(ITokenizeLineResult result) =>
        StoppedEarly is not null && StoppedEarly.DeclaringType!.IsInstanceOfType(result) && StoppedEarly.GetValue(result) is true;

    private SpanClass? ClassOf(List<string> scopes)
    {
        var path = string.Join(' ', scopes);
        var key = (_light.Resolve(scopes, path), _dark.Resolve(scopes, path));
        if (_classes.TryGetValue(key, out var known))
        {
            return known;
        }

        var (light, dark) = key;
        var decorated = ((light.FontStyle | dark.FontStyle) & (FontStyle.Underline | FontStyle.Strikethrough)) != 0;
        var spanClass = light.IsDefault && dark.IsDefault ? null : new SpanClass(ClassName(light, dark), decorated);
        _classes[key] = spanClass;
        return spanClass;
    }

    /// <summary>
    /// Both themes' classes whenever either theme styles the token: <c>hl-l{id}</c>/<c>hl-d{id}</c> colour ids,
    /// then font styles (<c>i</c>talic, <c>b</c>old, <c>u</c>nderline, <c>s</c>trikethrough) per theme.
    /// </summary>
    internal static string ClassName(TokenStyle light, TokenStyle dark)
    {
        var name = new StringBuilder($"hl-l{light.Foreground} hl-d{dark.Foreground}");
        AppendFontStyles(name, "hl-l", light.FontStyle);
        AppendFontStyles(name, "hl-d", dark.FontStyle);
        return name.ToString();
    }

    private static void AppendFontStyles(StringBuilder name, string prefix, FontStyle style)
    {
        if (style <= FontStyle.None)
        {
            return;
        }

        foreach (var (flag, letter) in HighlightThemes.FontStyleLetters)
        {
            if (style.HasFlag(flag))
            {
                name.Append(' ').Append(prefix).Append(letter);
            }
        }
    }

    /// <summary>A span's class attribute, and whether it draws lines (underline, strikethrough) that spaces show.</summary>
    private sealed record SpanClass(string Name, bool Decorated);

    /// <summary>Writes escaped text in spans, merging neighbours of one class and closing every span at the line end.</summary>
    private sealed class SpanWriter(StringBuilder html)
    {
        private SpanClass? _open;

        public void Text(ReadOnlySpan<char> text, SpanClass? spanClass, bool whitespace)
        {
            if (whitespace && spanClass?.Decorated != true && _open?.Decorated != true)
            {
                // Spaces look the same in any colour: leave them in the open span (or in none) rather than switch.
                spanClass = _open;
            }

            if (!ReferenceEquals(spanClass, _open))
            {
                Close();
                if (spanClass is not null)
                {
                    html.Append("<span class=\"").Append(spanClass.Name).Append("\">");
                    _open = spanClass;
                }
            }

            HtmlText.Append(html, text);
        }

        public void EndLine()
        {
            Close();
            html.Append('\n');
        }

        private void Close()
        {
            if (_open is not null)
            {
                html.Append("</span>");
                _open = null;
            }
        }
    }
}
