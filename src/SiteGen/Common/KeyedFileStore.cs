using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SiteGen.Common;

/// <summary>
/// A disk cache that never has to be loaded whole: one small JSON file per entry, at
/// <c>&lt;cache&gt;/&lt;name&gt;-&lt;settings hash&gt;/ab/&lt;key hash&gt;.json</c>, holding the key and its value.
/// Other settings mean another folder. A missing, foreign or damaged entry reads as absent (it only costs
/// the work again); an entry is written to a temporary file in the cache folder and renamed into place, so
/// builds running at once, or a killed one, leave whole entries or none. Entries are written by one
/// background writer (<see cref="Put"/> only queues), so the threads that make them never wait on the disk;
/// <see cref="Dispose"/> waits until every queued entry is on disk.
/// </summary>
internal sealed class KeyedFileStore<T> : IDisposable
    where T : class
{
    private readonly System.Collections.Concurrent.BlockingCollection<(string Key, byte[] Bytes)> _queue = new();
    // Queued and not yet on disk: still found by TryGet, so nothing is made twice while the writer catches up.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _pending = new(StringComparer.Ordinal);
    private readonly Lazy<Task> _writer;
    private readonly string? _cacheDir;
    private readonly string? _root;
    private readonly JsonTypeInfo<StoredEntry<T>> _json;

    public KeyedFileStore(string? cacheDir, string name, string settingsKey, JsonTypeInfo<StoredEntry<T>> json)
    {
        _json = json;
        _writer = new Lazy<Task>(() => Task.Factory.StartNew(WriteQueued, TaskCreationOptions.LongRunning));
        if (cacheDir is not null)
        {
            _cacheDir = cacheDir;
            _root = Path.Combine(cacheDir, $"{name}-{HashHex(settingsKey)[..16]}");
        }
    }

    /// <summary>False when there is no cache folder: nothing is kept.</summary>
    public bool Persists => _root is not null;

    public T? TryGet(string key)
    {
        if (_root is null)
        {
            return null;
        }

        var path = PathOf(key);
        var queued = _pending.TryGetValue(key, out var pending);
        if (!queued && !File.Exists(path))
        {
            // Most lookups of a cold build miss: a stat, not a thrown exception each.
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize(queued ? pending! : File.ReadAllBytes(path), _json);
            return entry?.Key == key ? entry.Value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Queues the entry for the background writer.</summary>
    public void Put(string key, T value)
    {
        if (_root is null || _queue.IsAddingCompleted)
        {
            return;
        }

        _ = _writer.Value;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new StoredEntry<T>(key, value), _json);
        _pending[key] = bytes;
        _queue.Add((key, bytes));
    }

    /// <summary>Waits until every queued entry is written; later entries are not kept.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        if (_writer.IsValueCreated)
        {
            _writer.Value.Wait();
        }

        _queue.Dispose();
    }

    private void WriteQueued()
    {
        foreach (var (key, bytes) in _queue.GetConsumingEnumerable())
        {
            Write(key, bytes);
            _pending.TryRemove(KeyValuePair.Create(key, bytes));
        }
    }

    private void Write(string key, byte[] bytes)
    {
        try
        {
            AtomicFile.WriteAllBytes(PathOf(key), bytes, tempDir: _cacheDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the work again next time.
        }
    }

    private string PathOf(string key)
    {
        var hash = HashHex(key)[..32];
        return Path.Combine(_root!, hash[..2], hash + ".json");
    }

    private static string HashHex(string text) => Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>One entry of a <see cref="KeyedFileStore{T}"/>: the whole key (checked on read) and its value.</summary>
internal sealed record StoredEntry<T>(string Key, T Value);
