using SiteGen.Config;

namespace SiteGen.Build;

/// <summary>
/// One writer at a time per folder: a build (and each rebuild of <c>sitegen serve</c>) holds an exclusive
/// lock on a hidden file beside each folder it writes (<c>.site.lock</c> beside <c>site/</c>,
/// <c>.content.lock</c> beside <c>content/</c>). The lock is the operating system's (an exclusive
/// <see cref="FileShare.None"/> open, <c>flock</c> on Linux), so it dies with its process: a killed build never
/// holds it. A second process waits, saying once what it waits for, and goes on when the first is done.
/// Locks are taken in path order, so two builds sharing one of two folders cannot deadlock.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly List<FileStream> _held;

    private BuildLock(List<FileStream> held) => _held = held;

    /// <summary>The lock file guarding <paramref name="folder"/>.</summary>
    public static string LockFileFor(string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full) ?? full, $".{Path.GetFileName(full)}.lock");
    }

    /// <summary>Locks the content and output folders of <paramref name="config"/>, waiting for any other holder.</summary>
    /// <exception cref="BuildLockException">A lock file cannot be created at all (e.g. a read-only folder).</exception>
    public static BuildLock Acquire(SiteConfig config, TextWriter waitingNotice) =>
        Acquire([config.ContentDir, config.OutputDir], waitingNotice, CancellationToken.None);

    public static BuildLock Acquire(IEnumerable<string> folders, TextWriter waitingNotice, CancellationToken cancel)
    {
        var held = new List<FileStream>();
        try
        {
            foreach (var file in folders.Select(LockFileFor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                held.Add(Take(file, waitingNotice, cancel));
            }

            return new BuildLock(held);
        }
        catch
        {
            held.ForEach(h => h.Dispose());
            throw;
        }
    }

    private static FileStream Take(string file, TextWriter waitingNotice, CancellationToken cancel)
    {
        var told = false;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var stream = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (told)
                {
                    waitingNotice.WriteLine($"sitegen: {Path.GetFileName(file)} is free; building.");
                }

                return stream;
            }
            catch (IOException e) when (IsHeldByAnother(e))
            {
                if (!told)
                {
                    waitingNotice.WriteLine($"sitegen: another sitegen build or serve is writing here (it holds {file}); waiting for it to finish. Ctrl+C stops.");
                    waitingNotice.Flush();
                    told = true;
                }

                cancel.WaitHandle.WaitOne(Poll);
                cancel.ThrowIfCancellationRequested();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BuildLockException(file, e);
            }
        }
    }

    /// <summary>EWOULDBLOCK from <c>flock</c> on Unix; a sharing or lock violation on Windows.</summary>
    private static bool IsHeldByAnother(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    public void Dispose()
    {
        foreach (var stream in _held)
        {
            stream.Dispose();
        }

        _held.Clear();
    }
}

/// <summary>A lock file could not be created or opened for another reason than another process holding it.</summary>
public sealed class BuildLockException(string lockFile, Exception inner)
    : Exception($"cannot create the lock file {lockFile}: {inner.Message}", inner)
{
    public string LockFile { get; } = lockFile;
}
