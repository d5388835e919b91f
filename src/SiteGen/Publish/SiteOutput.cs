using SiteGen.Common;

namespace SiteGen.Publish;

/// <summary>
/// A build writes into a fresh sibling folder and swaps it in only on success, so a failed build never
/// leaves a half-written site and readers of the old one are not disturbed while it is written. The swap is
/// one atomic exchange of the two folders where the system has one (<see cref="FolderSwap"/>), so at every
/// moment <c>site/</c> is the old complete site or the new one. A killed build leaves its staging folder
/// (or, after the swap, the old site under the staging name); the next build deletes it
/// (<c>Build/Leftovers</c>), which is why the names below are a contract.
/// </summary>
public sealed class SiteOutput : ISiteWriter, IDisposable
{
    /// <summary>Infixes of the sibling folders a build creates: <c>site.staging-&lt;pid&gt;-&lt;guid&gt;</c>, <c>site.old-…</c>.</summary>
    public const string StagingInfix = ".staging-";

    public const string OldInfix = ".old-";

    private readonly string _target;
    private bool _committed;
    private int _written;

    public SiteOutput(string outputDir)
    {
        _target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        StagingDir = $"{_target}{StagingInfix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(StagingDir);
    }

    /// <summary>Where this build writes; becomes the output folder on <see cref="Commit"/>.</summary>
    public string StagingDir { get; }

    /// <summary>Writes a file below the staging folder, creating folders as needed.</summary>
    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(StagingDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (Interlocked.Increment(ref _written) == 1)
        {
            PausePoint.Reached("write");
        }
    }

    public void Commit()
    {
        PausePoint.Reached("commit");
        if (File.Exists(_target))
        {
            throw new IOException($"{_target} is a file, not a folder; move it away so the site can be written there");
        }

        if (!Directory.Exists(_target))
        {
            Directory.Move(StagingDir, _target);
            _committed = true;
            return;
        }

        if (FolderSwap.TryExchange(StagingDir, _target))
        {
            // The staging name now holds the old site.
            _committed = true;
            PausePoint.Reached("swap");
            TryDelete(StagingDir);
            return;
        }

        // No atomic exchange here: two renames, with a moment without site/ that Leftovers can repair.
        var old = $"{_target}{OldInfix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.Move(_target, old);
        PausePoint.Reached("swap");
        Directory.Move(StagingDir, _target);
        _committed = true;
        TryDelete(old);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(StagingDir);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder costs disk space, not correctness; the next build tries again.
        }
    }
}
