using SiteGen.Diagnostics;

namespace SiteGen.Publish;

/// <summary>
/// Copies the site's static folder (images, downloads, <c>CNAME</c>, favicon) to the site root byte for byte,
/// into the same staging folder as the generated files, so it is swapped in with them or not at all. A static
/// file that would replace a generated one (or a folder of it) is an error: one of the two would be lost.
/// </summary>
public sealed class CopyStaticFiles
{
    /// <summary>Copies every file under <paramref name="staticDir"/>; call after every generated file is written.</summary>
    public int Run(string staticDir, SiteOutput output, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(staticDir))
        {
            return 0;
        }

        var count = 0;
        var files = Directory.EnumerateFiles(staticDir, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(staticDir, file).Replace('\\', '/');
            var shown = Path.Combine(staticDir, relative).Replace('\\', '/');
            var target = Path.Combine(output.StagingDir, relative);
            if (LinkOutside(staticDir, relative) is { } outside)
            {
                // As the theme loader and deploy do: a link must not publish a file from elsewhere on the machine.
                diagnostics.Warning("SG0817", shown, 0, 0,
                    $"static file '{relative}' is a link to '{outside}', outside the static folder; it is left out: copy the file in instead of linking");
                continue;
            }

            if (File.Exists(target) || Directory.Exists(target))
            {
                diagnostics.Error("SG0815", shown, 0, 0,
                    $"static file '{relative}' has the path of a file the build generates; rename or move it (static files cannot replace pages, feeds or assets)");
                continue;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder of the static tree named like a generated file ends up here too.
                diagnostics.Error("SG0816", shown, 0, 0, $"static file '{relative}' could not be copied: {e.Message}");
            }
        }

        return count;
    }

    /// <summary>Where a link on the way from the static folder to the file leads, when that is outside the folder.</summary>
    private static string? LinkOutside(string staticDir, string relative)
    {
        var root = Path.GetFullPath(staticDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = root;
        foreach (var part in relative.Split('/'))
        {
            path = Path.Combine(path, part);
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            if (!resolved.StartsWith(root, StringComparison.Ordinal))
            {
                return resolved;
            }
        }

        return null;
    }
}
