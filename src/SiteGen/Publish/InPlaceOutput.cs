namespace SiteGen.Publish;

/// <summary>
/// Writes into the served folder itself, for live rebuilds that change a few files. Each file is written to
/// a temporary sibling and renamed over the old one, so a reader sees the old page or the new one, never half.
/// </summary>
public sealed class InPlaceOutput(string siteDir) : ISiteWriter
{
    private readonly string _root = Path.GetFullPath(siteDir);

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Deletes a file of a removed page, and its folders once they are empty.</summary>
    public void Delete(string relativePath)
    {
        var path = Path.Combine(_root, relativePath);
        File.Delete(path);
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && dir.Length > _root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir);
        }
    }
}
