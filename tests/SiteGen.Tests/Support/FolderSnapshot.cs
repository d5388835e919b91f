using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SiteGen.Tests.Support;

/// <summary>
/// Hashes of every file in a folder, keyed by relative path. <see cref="TryTakeAtomic"/> first opens the
/// folder itself and reads through <c>/proc/self/fd/N</c>, so even while another process swaps the folder
/// away, the sample is of one folder, not half of the old one and half of the new: a mix in a sample is then
/// a mix on disk. Linux only (where the tests run).
/// </summary>
public static class FolderSnapshot
{
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    public static Dictionary<string, string> Take(string dir) => Read(dir);

    /// <summary>
    /// False when the folder is missing, or was moved away while being read (swapped out and being deleted):
    /// a superseded sample, not a mix. A sample of a folder that was <paramref name="dir"/> throughout is true.
    /// </summary>
    public static bool TryTakeAtomic(string dir, out Dictionary<string, string> snapshot)
    {
        snapshot = [];
        var full = Path.GetFullPath(dir).TrimEnd('/');
        var fd = Open(full, ORdOnly | ODirectory);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            var handle = $"/proc/self/fd/{fd}";
            snapshot = Read(handle);
            return new FileInfo(handle).LinkTarget == full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            Close(fd);
        }
    }

    private static Dictionary<string, string> Read(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'),
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && other == kv.Value);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
