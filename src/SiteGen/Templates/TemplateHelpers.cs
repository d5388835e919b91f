using System.Globalization;
using HandlebarsDotNet;

namespace SiteGen.Templates;

/// <summary>The few helpers templates need; the model does the real work so templates stay plain.</summary>
internal static class TemplateHelpers
{
    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("eq", (context, arguments) =>
            arguments.Length == 2 && Equals(Convert.ToString(arguments[0], CultureInfo.InvariantCulture), Convert.ToString(arguments[1], CultureInfo.InvariantCulture)));
        handlebars.RegisterHelper("json", (writer, context, arguments) =>
            writer.WriteSafeString(System.Text.Json.JsonSerializer.Serialize(arguments.Length > 0 ? arguments[0] : null)
                .Replace("<", "\\u003c", StringComparison.Ordinal)));
    }
}
