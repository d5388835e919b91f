using SiteGen.Diagnostics;

namespace SiteGen.Deploy;

/// <summary>A regular file of a built site, by its path relative to the site folder ('/'-separated).</summary>
public sealed record DeployFile(string RelativePath, string FullPath, long Length);

/// <summary>
/// The files a deploy publishes: every regular file below the site folder. Symbolic links are left out
/// with a warning (SG0905), since one could publish a file from outside the site; the build writes none.
/// </summary>
public static class SiteFiles
{
    public const string SymlinkCode = "SG0905";

    public static (IReadOnlyList<DeployFile> Files, IReadOnlyList<string> Folders) Walk(string siteDir, string displayDir, DiagnosticBag diagnostics)
    {
        var files = new List<DeployFile>();
        var folders = new List<string>();
        var pending = new Stack<(DirectoryInfo Dir, string Relative)>([(new DirectoryInfo(siteDir), "")]);
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var relative = next.Relative.Length == 0 ? entry.Name : next.Relative + "/" + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    diagnostics.Warning(SymlinkCode, displayDir.TrimEnd('/') + "/" + relative, 0, 0,
                        $"is a symbolic link (to '{entry.LinkTarget}'), which a deploy leaves out; put the file itself in the site (e.g. in templates/assets/)");
                }
                else if (entry is DirectoryInfo dir)
                {
                    folders.Add(relative);
                    pending.Push((dir, relative));
                }
                else if (entry is FileInfo file)
                {
                    files.Add(new DeployFile(relative, file.FullName, file.Length));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        folders.Sort(StringComparer.Ordinal);
        return (files, folders);
    }
}
