using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Common;

/// <summary>
/// Writes a file so that a reader, or a process killed half-way, only ever sees the old file or the new one:
/// the bytes go to a hidden temporary sibling (<c>.name.&lt;guid&gt;.tmp</c>) that is renamed over the target.
/// A kill between the two steps leaves only that temporary file, which <see cref="RemoveLeftovers"/> deletes.
/// </summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <param name="tempDir">
    /// Where the temporary file goes (the target's folder when null): a cache puts it in the cache folder itself,
    /// where <see cref="RemoveLeftovers"/> looks, rather than in one of its hundreds of subfolders.
    /// </param>
    public static void WriteAllBytes(string path, byte[] bytes, string? tempDir = null) => Write(path, stream => stream.Write(bytes), tempDir);

    /// <summary>Writes what <paramref name="write"/> puts in the (seekable) stream, so a large file never has to sit in memory whole.</summary>
    public static void Write(string path, Action<FileStream> write, string? tempDir = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(tempDir ?? dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
            }

            PausePoint.Reached("atomic-write");
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>True for the name of a temporary file this class (or an older writer of the same shape) leaves when killed.</summary>
    public static bool IsLeftover(string fileName) => TempName().IsMatch(fileName);

    /// <summary>Deletes the temporary files killed writers left directly in <paramref name="dir"/>; returns what it could not delete.</summary>
    public static IReadOnlyList<string> RemoveLeftovers(string dir)
    {
        var failed = new List<string>();
        if (!Directory.Exists(dir))
        {
            return failed;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*.tmp"))
        {
            if (!IsLeftover(Path.GetFileName(file)))
            {
                continue;
            }

            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add(file);
            }
        }

        return failed;
    }

    // .name.<guid>.tmp (content pages, served files), and name.<pid>.<guid>.tmp (the formula cache).
    [GeneratedRegex(@"^(\..+\.|.+\.[0-9]+\.)[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();
}
