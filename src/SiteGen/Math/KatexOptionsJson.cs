using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteGen.Common;

namespace SiteGen.Mathematics;

/// <summary>
/// Turns config values (as YAML or C# hands them over: strings, numbers, bools, maps, lists) into the
/// JSON the engines read. Keys are sorted so that equal settings give equal cache keys.
/// </summary>
internal static class KatexOptionsJson
{
    // SiteGen owns these; a user value would break output or safety.
    private static readonly HashSet<string> Reserved = ["displayMode", "throwOnError", "trust", "macros"];

    public static string Options(IReadOnlyDictionary<string, object?> options) =>
        Write(writer => WriteMap(writer, options
            .Where(p => !Reserved.Contains(p.Key))
            .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))));

    /// <summary>Macros given inside the options map first, then <paramref name="macros"/> (which win).</summary>
    public static string Macros(IReadOnlyDictionary<string, object?> options, IReadOnlyDictionary<string, string> macros)
    {
        var merged = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (options.TryGetValue("macros", out var fromOptions) && fromOptions is IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
            {
                merged[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = entry.Value;
            }
        }

        foreach (var (name, body) in macros)
        {
            merged[name] = body;
        }

        return Write(writer => WriteMap(writer, merged));
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        writer.WriteStartObject();
        var (keys, values) = OrdinalSort.ByKey(pairs);
        for (var i = 0; i < keys.Length; i++)
        {
            writer.WritePropertyName(keys[i]);
            WriteValue(writer, values[i]);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte or double or float or decimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IDictionary map:
                WriteMap(writer, map.Cast<DictionaryEntry>().Select(e =>
                    new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value)));
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
