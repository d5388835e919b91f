using System.Collections;
using Scriban.Runtime;

namespace SiteGen.Templates;

/// <summary>
/// A value the Publish stage builds once and shows on many pages (the <c>site</c> object): converted to its
/// read-only script form once, on first use, and shared by every render after that.
/// </summary>
public sealed class SharedModel(object? value)
{
    private readonly Lazy<object?> _script = new(() => TemplateModel.ToScript(value), LazyThreadSafetyMode.ExecutionAndPublication);

    internal object? Script => _script.Value;
}

/// <summary>
/// Turns the plain data the Publish stage builds (strings, numbers, booleans, null, string-keyed dictionaries,
/// lists) into read-only Scriban objects, so templates see data and can change none of it, and no live .NET
/// object (whose setters a template could call) ever reaches them.
/// </summary>
internal static class TemplateModel
{
    /// <summary>
    /// The global object of one render: its members (the model) are read-only, but a template may add its own
    /// variables (<c>{{ x = … }}</c>), which live only for that render.
    /// </summary>
    public static ScriptObject Root(IEnumerable<KeyValuePair<string, object?>> model)
    {
        var root = new ScriptObject();
        foreach (var (key, item) in model)
        {
            root.SetValue(key, ToScript(item), readOnly: true);
        }

        return root;
    }

    public static object? ToScript(object? value)
    {
        switch (value)
        {
            case null or string or bool or int or long or double or decimal:
                return value;
            case SharedModel shared:
                return shared.Script;
            case IEnumerable<KeyValuePair<string, object?>> map:
                var obj = new ScriptObject();
                foreach (var (key, item) in map)
                {
                    obj.SetValue(key, ToScript(item), readOnly: true);
                }

                obj.IsReadOnly = true;
                return obj;
            case IEnumerable list:
                var array = new ScriptArray();
                foreach (var item in list)
                {
                    array.Add(ToScript(item));
                }

                array.IsReadOnly = true;
                return array;
            default:
                throw new ArgumentException($"a template model holds only plain data, not {value.GetType().Name}", nameof(value));
        }
    }
}
