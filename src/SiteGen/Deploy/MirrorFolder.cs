using SiteGen.Diagnostics;

namespace SiteGen.Deploy;

/// <summary>What a mirror changed (or, in a dry run, would change): <c>+</c> new, <c>~</c> changed, <c>-</c> deleted.</summary>
public sealed record MirrorResult(int Copied, int Deleted, int Unchanged, IReadOnlyList<string> Changes);

/// <summary>
/// <c>sitegen deploy --to DIR</c>: makes DIR a copy of the built site. It copies new and changed files
/// (each written beside its destination and renamed over it, so a web server never serves half a file;
/// assets before pages), then deletes what the site no longer has. It never writes or deletes outside
/// DIR: links found in DIR are removed or replaced as links, never followed; a folder that is the site,
/// lies inside it or holds it is refused; a non-empty folder SiteGen did not deploy to needs --force.
/// DIR's own <c>.git</c> is left alone, so DIR may be a checkout of a Pages repository.
/// </summary>
public sealed class MirrorFolder(bool dryRun)
{
    /// <summary>Written into DIR on its first deploy; later deploys know DIR is theirs to mirror.</summary>
    public const string Marker = ".sitegen-deploy";

    public const string OverlapCode = "SG0903";
    public const string ForeignCode = "SG0904";
    public const string WriteFailedCode = "SG0906";

    private static readonly string[] Kept = [Marker, ".git"];

    /// <summary>
    /// False (with the reason) when <paramref name="targetDir"/> must not become a mirror of the site: it is the
    /// site, lies inside it or holds it, is a file, or is a non-empty folder SiteGen did not deploy to (unless forced).
    /// </summary>
    public bool Accepts(string siteDir, string targetDir, bool force, DiagnosticBag diagnostics) =>
        Resolve(siteDir, targetDir, force, diagnostics) is not null;

    public MirrorResult? Run(string siteDir, string targetDir, bool force, DiagnosticBag diagnostics)
    {
        if (Resolve(siteDir, targetDir, force, diagnostics) is not { } resolved)
        {
            return null;
        }

        var (site, target) = resolved;
        Dictionary<string, Entry> existing;
        MirrorPlan plan;
        try
        {
            var (files, folders) = SiteFiles.Walk(site, siteDir, diagnostics);
            existing = Scan(target);
            plan = Plan(files, folders, existing, target);
            if (!dryRun)
            {
                Execute(target, plan);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(WriteFailedCode, targetDir, 0, 0, $"deploy stopped: {e.Message}; fix the folder's permissions or space and deploy again");
            return null;
        }

        var gone = existing.Values.Where(e => e.Kind != EntryKind.Folder && !plan.Wanted.Contains(e.Relative)).ToList();
        var changes = plan.Copies.Select(c => (existing.ContainsKey(c.RelativePath) ? "~ " : "+ ") + c.RelativePath)
            .Concat(gone.Select(d => "- " + d.Relative))
            .OrderBy(c => c[2..], StringComparer.Ordinal).ToList();
        return new MirrorResult(plan.Copies.Count, gone.Count, plan.Unchanged, changes);
    }

    /// <summary>The real paths of the site and the target, or null (with the reason) when the target is refused.</summary>
    private static (string Site, string Target)? Resolve(string siteDir, string targetDir, bool force, DiagnosticBag diagnostics)
    {
        string site, target;
        try
        {
            site = RealPath.Of(siteDir);
            target = RealPath.Of(targetDir);
        }
        catch (IOException e)
        {
            diagnostics.Error(OverlapCode, targetDir, 0, 0, $"cannot resolve the folder: {e.Message}");
            return null;
        }

        if (RealPath.IsSameOrInside(target, site) || RealPath.IsSameOrInside(site, target))
        {
            var relation = RealPath.IsSameOrInside(target, site) ? "is or lies inside the site folder" : $"holds the site folder '{siteDir}'";
            diagnostics.Error(OverlapCode, targetDir, 0, 0,
                $"{relation}, so mirroring would delete the site or write into it; deploy to a folder outside '{siteDir}' that does not contain it");
            return null;
        }

        if (File.Exists(target))
        {
            diagnostics.Error(ForeignCode, targetDir, 0, 0, "is a file; --to needs a folder (it is created if missing)");
            return null;
        }

        string[] entries;
        try
        {
            entries = Directory.Exists(target) ? Directory.GetFileSystemEntries(target) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(WriteFailedCode, targetDir, 0, 0, $"cannot read the folder: {e.Message}");
            return null;
        }

        if (!File.Exists(Path.Combine(target, Marker)) && !force && entries.Any(e => !Kept.Contains(Path.GetFileName(e))))
        {
            var count = entries.Length;
            diagnostics.Error(ForeignCode, targetDir, 0, 0,
                $"is not empty ({count} entries) and SiteGen has not deployed to it before (no {Marker}); a mirror would delete what the site " +
                "does not have. Empty it or choose another folder, or pass --force to replace its contents");
            return null;
        }

        return (site, target);
    }

    private enum EntryKind
    {
        File,
        Folder,
        Link,
    }

    private sealed record Entry(string Relative, EntryKind Kind, long Length);

    private sealed record MirrorPlan(
        IReadOnlyList<string> Folders, IReadOnlyList<DeployFile> Copies, IReadOnlyList<Entry> Replaced, IReadOnlyList<Entry> Deletions,
        int Unchanged, IReadOnlySet<string> Wanted);

    /// <summary>Everything in the target folder, without following links; DIR's .git and the marker are not the mirror's.</summary>
    private static Dictionary<string, Entry> Scan(string target)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!Directory.Exists(target))
        {
            return entries;
        }

        var pending = new Stack<(DirectoryInfo Dir, string Relative)>([(new DirectoryInfo(target), "")]);
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Dir.EnumerateFileSystemInfos())
            {
                if (next.Relative.Length == 0 && Kept.Contains(entry.Name))
                {
                    continue;
                }

                var relative = next.Relative.Length == 0 ? entry.Name : next.Relative + "/" + entry.Name;
                var kind = entry.LinkTarget is not null ? EntryKind.Link : entry is DirectoryInfo ? EntryKind.Folder : EntryKind.File;
                entries[relative] = new Entry(relative, kind, kind == EntryKind.File ? ((FileInfo)entry).Length : 0);
                if (kind == EntryKind.Folder)
                {
                    pending.Push(((DirectoryInfo)entry, relative));
                }
            }
        }

        return entries;
    }

    private static MirrorPlan Plan(IReadOnlyList<DeployFile> files, IReadOnlyList<string> folders, Dictionary<string, Entry> existing, string target)
    {
        var wanted = new HashSet<string>(folders, StringComparer.Ordinal);
        var newFolders = new List<string>();
        var replaced = new List<Entry>();
        foreach (var folder in folders)
        {
            if (existing.TryGetValue(folder, out var there) && there.Kind == EntryKind.Folder)
            {
                continue;
            }

            if (there is not null)
            {
                replaced.Add(there);
            }

            newFolders.Add(folder);
        }

        var copies = new List<DeployFile>();
        var unchanged = 0;
        foreach (var file in files)
        {
            wanted.Add(file.RelativePath);
            if (existing.TryGetValue(file.RelativePath, out var there) && there.Kind == EntryKind.File
                && there.Length == file.Length && SameBytes(file.FullPath, Path.Combine(target, file.RelativePath)))
            {
                unchanged++;
                continue;
            }

            if (there is not null && there.Kind != EntryKind.File)
            {
                replaced.Add(there);
            }

            copies.Add(file);
        }

        // Only the topmost of what is gone: deleting a folder takes its contents with it.
        var deletions = existing.Values.Where(e => !wanted.Contains(e.Relative))
            .Where(e => !HasGoneAncestor(e.Relative, existing, wanted))
            .OrderByDescending(e => e.Relative.Count(c => c == '/')).ThenBy(e => e.Relative, StringComparer.Ordinal)
            .ToList();
        return new MirrorPlan(newFolders, copies, replaced, deletions, unchanged, wanted);
    }

    /// <summary>Byte comparison: every build rewrites every file, so times say nothing about content.</summary>
    private static bool SameBytes(string a, string b)
    {
        using var left = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var right = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var x = new byte[81920];
        var y = new byte[81920];
        while (true)
        {
            var n = left.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            var m = right.ReadAtLeast(y, y.Length, throwOnEndOfStream: false);
            if (n != m || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, m)))
            {
                return false;
            }

            if (n < x.Length)
            {
                return true;
            }
        }
    }

    private static bool HasGoneAncestor(string relative, Dictionary<string, Entry> existing, HashSet<string> wanted)
    {
        for (var slash = relative.LastIndexOf('/'); slash > 0; slash = relative.LastIndexOf('/', slash - 1))
        {
            var parent = relative[..slash];
            if (existing.ContainsKey(parent) && !wanted.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static void Execute(string target, MirrorPlan plan)
    {
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, Marker),
            "This folder is a mirror of a site built by SiteGen (`sitegen deploy --to`). Each deploy replaces its contents.\n");
        foreach (var entry in plan.Replaced.OrderBy(e => e.Relative.Length))
        {
            Delete(Path.Combine(target, entry.Relative), entry.Kind);
        }

        foreach (var folder in plan.Folders)
        {
            Directory.CreateDirectory(Path.Combine(target, folder));
        }

        // Assets first, pages last: a page never names a stylesheet or script that is not there yet.
        foreach (var file in plan.Copies.OrderBy(f => f.RelativePath.EndsWith(".html", StringComparison.Ordinal)).ThenBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            Copy(file.FullPath, Path.Combine(target, file.RelativePath));
        }

        foreach (var entry in plan.Deletions)
        {
            Delete(Path.Combine(target, entry.Relative), entry.Kind);
        }
    }

    private static void Copy(string source, string destination)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.sitegen-{Guid.NewGuid():N}.tmp");
        try
        {
            File.Copy(source, temporary);
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Deletes a file, a link (the link itself) or a folder tree, never following a link.</summary>
    private static void Delete(string path, EntryKind kind)
    {
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null && !Directory.Exists(path))
        {
            // Already gone with a folder that was replaced.
            return;
        }

        if (kind != EntryKind.Folder)
        {
            File.Delete(path);
            return;
        }

        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            Delete(entry.FullName, entry.LinkTarget is not null ? EntryKind.Link : entry is DirectoryInfo ? EntryKind.Folder : EntryKind.File);
        }

        Directory.Delete(path);
    }
}
