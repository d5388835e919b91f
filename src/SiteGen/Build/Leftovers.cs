using System.Text.RegularExpressions;
using SiteGen.Common;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Publish;

namespace SiteGen.Build;

/// <summary>
/// Removes what killed builds left behind (SIGKILL, power loss, Ctrl+C twice): staging and old site folders
/// beside the output folder, and temporary files of atomic writes in <c>content/</c> and the cache. Runs
/// under the <see cref="BuildLock"/>, so nothing it removes belongs to a build still running. If a build was
/// killed between the two renames of a swap without atomic exchange, <c>site/</c> is missing and the old
/// site is put back first.
/// </summary>
public static partial class Leftovers
{
    public static void Remove(SiteConfig config, DiagnosticBag diagnostics)
    {
        var target = Path.GetFullPath(config.OutputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target);
        if (parent is not null && Directory.Exists(parent))
        {
            RemoveSiteFolders(target, parent, diagnostics);
        }

        foreach (var dir in new[] { config.ContentDir, config.CacheDir })
        {
            foreach (var file in AtomicFile.RemoveLeftovers(dir))
            {
                Report(diagnostics, file);
            }
        }
    }

    private static void RemoveSiteFolders(string target, string parent, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileName(target);
        var pattern = new Regex($"^{Regex.Escape(name)}({Regex.Escape(SiteOutput.StagingInfix)}|{Regex.Escape(SiteOutput.OldInfix)})[0-9]+-[0-9a-f]{{32}}$");
        var found = Directory.EnumerateDirectories(parent)
            .Where(d => pattern.IsMatch(Path.GetFileName(d)))
            .ToList();
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            var old = found.Where(d => Path.GetFileName(d).Contains(SiteOutput.OldInfix, StringComparison.Ordinal))
                .OrderByDescending(Directory.GetLastWriteTimeUtc)
                .FirstOrDefault();
            if (old is not null)
            {
                Directory.Move(old, target);
                found.Remove(old);
            }
        }

        foreach (var dir in found)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(diagnostics, dir);
            }
        }
    }

    private static void Report(DiagnosticBag diagnostics, string path) =>
        diagnostics.Warning("SG0703", path.Replace('\\', '/'), 0, 0,
            "a killed build left this behind and it cannot be removed; delete it by hand");
}
