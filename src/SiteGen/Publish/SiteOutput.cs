namespace SiteGen.Publish;

/// <summary>
/// A build writes into a fresh sibling folder and swaps it in only on success, so a failed build never
/// leaves a half-written site and readers of the old one are not disturbed while it is written.
/// </summary>
public sealed class SiteOutput : ISiteWriter, IDisposable
{
    private readonly string _target;
    private bool _committed;

    public SiteOutput(string outputDir)
    {
        _target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        StagingDir = $"{_target}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}";
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
    }

    public void Commit()
    {
        var old = $"{_target}.old-{Environment.ProcessId}-{Guid.NewGuid():N}";
        if (Directory.Exists(_target))
        {
            Directory.Move(_target, old);
        }

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
        catch (IOException)
        {
            // A leftover folder costs disk space, not correctness; the next build tries again.
        }
    }
}
