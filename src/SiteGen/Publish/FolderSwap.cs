using System.Runtime.InteropServices;

namespace SiteGen.Publish;

/// <summary>
/// Exchanges two folders in one step: Linux <c>renameat2(RENAME_EXCHANGE)</c> (ext4, xfs, btrfs, tmpfs and
/// overlayfs have it). Elsewhere, or on a file system without it, <see cref="TryExchange"/> returns false and
/// the caller falls back to two renames.
/// </summary>
internal static class FolderSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without renameat2 (glibc before 2.28, some musl builds).
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(
        int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
