using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>
/// Writes index data as a script that hands it to <c>window.__sitegenSearch(kind, id, data)</c>.
/// Loading by <c>&lt;script src&gt;</c> instead of fetch is what makes search work from <c>file://</c>.
/// </summary>
internal static class ScriptFile
{
    public const string Callback = "__sitegenSearch";

    public static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays UTF-8 (a third of the bytes of \u escapes); the pages declare UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes the file and returns its size in bytes.</summary>
    public static long Write(string path, string kind, int id, Action<Utf8JsonWriter> writeData)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write(Encoding.UTF8.GetBytes($"{Callback}(\"{kind}\",{id},"));
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                writeData(json);
            }

            stream.Write(");\n"u8);
        }

        return new FileInfo(path).Length;
    }
}
