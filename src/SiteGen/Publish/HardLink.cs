using System.Runtime.InteropServices;

namespace SiteGen.Publish;

/// <summary>
/// Puts an unchanged file of the old site into the new one without copying its bytes: a hard link (POSIX
/// <c>link</c>), so the new site shares the old file's inode and the old file is never rewritten. Where links
/// are not possible (another file system, Windows, a file system without them) the file is copied.
/// </summary>
internal static class HardLink
{
    private static bool _unavailable = !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS();

    /// <summary>True when <paramref name="newFile"/> is a link (the old file's inode, length and write time), false when a copy.</summary>
    public static bool CreateOrCopy(string existingFile, string newFile)
    {
        if (TryCreate(existingFile, newFile))
        {
            return true;
        }

        File.Copy(existingFile, newFile);
        return false;
    }

    /// <summary>True when <paramref name="newFile"/> is now a link to <paramref name="existingFile"/>; false when links are not possible here.</summary>
    public static bool TryCreate(string existingFile, string newFile)
    {
        if (!_unavailable)
        {
            try
            {
                if (Link(existingFile, newFile) == 0)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _unavailable = true;
            }
        }

        return false;
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
