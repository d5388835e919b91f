namespace SiteGen.Serve;

/// <summary>
/// Watches the inputs of a site and reports changed paths in coalesced batches: editors save through
/// temp files and renames, so one save is several events within a few milliseconds.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Action<IReadOnlyCollection<string>> _onChanges;

    public ChangeWatcher(IEnumerable<string> paths, TimeSpan quiet, Action<IReadOnlyCollection<string>> onChanges)
    {
        _quiet = quiet;
        _onChanges = onChanges;
        _timer = new Timer(_ => Flush());
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            var watcher = Directory.Exists(full)
                ? new FileSystemWatcher(full) { IncludeSubdirectories = true }
                : new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full));
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Changed += (_, e) => Note(e.FullPath);
            watcher.Created += (_, e) => Note(e.FullPath);
            watcher.Deleted += (_, e) => Note(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Note(e.OldFullPath);
                Note(e.FullPath);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Note(string path)
    {
        var name = Path.GetFileName(path);
        // Editor swap and backup files are not content.
        if (name.StartsWith(".#", StringComparison.Ordinal) || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _pending.Add(path);
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] batch;
        lock (_gate)
        {
            batch = [.. _pending];
            _pending.Clear();
        }

        if (batch.Length > 0)
        {
            _onChanges(batch);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }
}
