using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Common;

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

    /// <summary>Writes the file and returns its size and a hash of its content (for the build id).</summary>
    /// <param name="comment">A line written before the call, e.g. the notice of third-party data.</param>
    public static WrittenFile Write(IndexFileSink sink, string path, string kind, int id, Action<Utf8JsonWriter> writeData, string? comment = null)
    {
        var output = new ArrayBufferWriter<byte>(1 << 14);
        if (comment is not null)
        {
            output.Write(Encoding.UTF8.GetBytes($"/* {comment.Replace("*/", "* /", StringComparison.Ordinal)} */\n"));
        }

        output.Write(Encoding.UTF8.GetBytes($"{Callback}(\"{kind}\",{id},"));
        using (var json = new Utf8JsonWriter(output, Options))
        {
            writeData(json);
        }

        output.Write(");\n"u8);
        sink(path, output.WrittenSpan);
        return new WrittenFile(output.WrittenCount, BitConverter.ToUInt64(SHA256.HashData(output.WrittenSpan)));
    }

    /// <summary>Combines file hashes in a fixed order into a short id that changes with any content.</summary>
    public static string BuildId(IEnumerable<ulong> hashes)
    {
        var all = hashes.SelectMany(BitConverter.GetBytes).ToArray();
        return Hex.Lower(SHA256.HashData(all))[..12];
    }
}

/// <summary>Where the index's files go: <paramref name="path"/> is below the folder the index was asked to write into.</summary>
public delegate void IndexFileSink(string path, ReadOnlySpan<byte> bytes);

/// <summary>
/// Whether the file the last index wrote at <paramref name="path"/> (below the folder the index was asked to write
/// into) is still there unchanged and can stay without being written again.
/// </summary>
public delegate bool IndexFileKeeper(string path);

/// <summary>Size and content hash of one written index file.</summary>
/// <remarks>A class: the framework's array and list code over a struct is JIT-compiled in every process.</remarks>
internal sealed record WrittenFile(long Bytes, ulong Hash);
