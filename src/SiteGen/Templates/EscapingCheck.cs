using Scriban.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>
/// The escaping rule, checked on each template's syntax tree when the theme loads (Scriban never escapes on
/// its own, and escaping on output would escape twice). Every <c>{{ expression }}</c> that writes text must
/// end in an escaping function, or be trusted HTML SiteGen produced:
/// <list type="bullet">
/// <item>escaping: <c>escape</c> (only <c>&lt;&gt;&amp;"'</c>), <c>html.escape</c>, <c>t</c> (theme words, escaped);</item>
/// <item>trusted: <c>content</c> (the page in its layout), <c>include</c> (partials, themselves checked), a member
/// whose name ends in <c>_html</c> (<c>article.body_html</c>, <c>card.excerpt_html</c>), a literal, and a
/// <c>cond ? a : b</c> whose branches are all of these.</item>
/// </list>
/// Since trusted names are trusted by name, templates may not bind them (<c>content = …</c>, <c>for x_html in …</c>).
/// </summary>
internal sealed class EscapingCheck(string display, DiagnosticBag diagnostics, Func<string, bool> templateExists, Func<string, bool> wordExists)
{
    private static readonly HashSet<string> EscapingFunctions = ["escape", "html.escape", "t"];
    private static readonly HashSet<string> ForbiddenFunctions = ["object.eval", "object.eval_template"];

    public void Run(ScriptNode? root) => Visit(root);

    private void Visit(ScriptNode? node)
    {
        if (node is null)
        {
            return;
        }

        switch (node)
        {
            case ScriptExpressionStatement { Expression: { } expression } when expression is not ScriptAssignExpression && !IsSafe(expression) && !IsForbidden(expression):
                Report("SG0405", expression,
                    $"'{Text(expression)}' writes text without escaping it; end it with '| escape' (or '| html.escape'), or use 't' for theme words");
                break;
            case ScriptAssignExpression { Target: var target }:
                CheckBinding(target);
                break;
            case ScriptForStatement { Variable: var variable }:
                CheckBinding(variable);
                break;
            case ScriptCaptureStatement { Target: var captured }:
                CheckBinding(captured);
                break;
            case ScriptObjectMember { Name: var member }:
                CheckBinding(member);
                break;
            case ScriptParameter { Name: var parameter }:
                CheckBinding(parameter);
                break;
            case ScriptFunctionCall call:
                CheckCall(call);
                break;
            case ScriptPipeCall { To: var to } when to is ScriptVariable or ScriptMemberExpression && Name(to) is { } piped && ForbiddenFunctions.Contains(piped):
                Report("SG0406", to, $"'{piped}' is not available in SiteGen templates: it would run text as a template");
                break;
        }

        foreach (var child in node.Children)
        {
            Visit(child);
        }
    }

    private void CheckCall(ScriptFunctionCall call)
    {
        var name = Name(call.Target);
        if (name is null)
        {
            return;
        }

        if (ForbiddenFunctions.Contains(name))
        {
            Report("SG0406", call, $"'{name}' is not available in SiteGen templates: it would run text as a template");
        }
        else if (name == "include" && call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string included } && !templateExists(included))
        {
            Report("SG0408", call.Arguments[0], $"include '{included}' names no template of the theme; give its path below templates/, e.g. 'partials/article-card.sbn-html'");
        }
        else if (name == "t" && call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string word } && !wordExists(word))
        {
            Report("SG0415", call.Arguments[0], $"the theme has no word '{word}'; add it to templates/i18n/en.yml (and each language's table) or fix the name");
        }
    }

    private void CheckBinding(ScriptNode? target)
    {
        if (target is ScriptVariable { Name: var name } && IsTrustedName(name))
        {
            Report("SG0407", target, $"'{name}' cannot be set in a template: 'content' and names ending in '_html' mark HTML that SiteGen produced and writes unescaped; pick another name");
        }
    }

    private static bool IsSafe(ScriptExpression? expression) => expression switch
    {
        null => true,
        ScriptLiteral => true,
        ScriptNestedExpression nested => IsSafe(nested.Expression),
        ScriptConditionalExpression conditional => IsSafe(conditional.ThenValue) && IsSafe(conditional.ElseValue),
        ScriptVariable { Name: "content" } => true,
        ScriptMemberExpression { Member.Name: var member } when member.EndsWith("_html", StringComparison.Ordinal) => true,
        ScriptPipeCall { To: ScriptPipeCall inner } => IsSafe(inner),
        ScriptPipeCall pipe => IsEscapingOrInclude(pipe.To),
        ScriptFunctionCall call => IsEscapingOrInclude(call),
        _ => false,
    };

    private static bool IsEscapingOrInclude(ScriptExpression? expression)
    {
        var target = expression is ScriptFunctionCall call ? call.Target : expression;
        return Name(target) is { } name && (EscapingFunctions.Contains(name) || name == "include");
    }

    /// <summary>A call reported as SG0406 already.</summary>
    private static bool IsForbidden(ScriptExpression expression) => expression switch
    {
        ScriptFunctionCall call => Name(call.Target) is { } name && ForbiddenFunctions.Contains(name),
        ScriptPipeCall { To: { } to } => IsForbidden(to),
        ScriptVariable or ScriptMemberExpression => Name(expression) is { } name && ForbiddenFunctions.Contains(name),
        _ => false,
    };

    private static bool IsTrustedName(string name) => name == "content" || name.EndsWith("_html", StringComparison.Ordinal);

    /// <summary>A function's dotted name (<c>html.escape</c>), or null for anything else.</summary>
    private static string? Name(ScriptNode? node) => node switch
    {
        ScriptVariable variable => variable.Name,
        ScriptMemberExpression { Target: var target, Member.Name: var member } when Name(target) is { } prefix => prefix + "." + member,
        _ => null,
    };

    private static string Text(ScriptNode node)
    {
        var text = node.ToString() ?? "";
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private void Report(string code, ScriptNode node, string message) =>
        diagnostics.Error(code, display, node.Span.Start.Line + 1, node.Span.Start.Column + 1, message);
}
