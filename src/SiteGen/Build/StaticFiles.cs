using SiteGen.Common;
using SiteGen.Diagnostics;

namespace SiteGen.Build;

/// <summary>
/// The site's static folder (images, downloads, <c>CNAME</c>, favicon) as files of the new site, byte for byte,
/// each keyed by its content, so an unchanged file is kept (linked) like any other. A static file that would
/// replace a generated one (or a folder of it) is an error (SG0815), as is one that cannot be read (SG0816); a link leading outside the folder is left out (SG0817).
/// </summary>
internal static class StaticFiles
{
    public static IReadOnlyList<OutputEntry> Plan(string staticDir, IReadOnlyList<OutputEntry> generated, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(staticDir))
        {
            return [];
        }

        var files = generated.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                folders.Add(path[..slash]);
            }
        }

        var entries = new List<OutputEntry>();
        var found = Directory.EnumerateFiles(staticDir, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }).Order(StringComparer.Ordinal);
        foreach (var file in found)
        {
            var relative = Path.GetRelativePath(staticDir, file).Replace('\\', '/');
            var shown = Path.Combine(staticDir, relative).Replace('\\', '/');
            if (LinkOutside(staticDir, relative) is { } outside)
            {
                // As the theme loader and deploy do: a link must not publish a file from elsewhere on the machine.
                diagnostics.Warning("SG0817", shown, 0, 0,
                    $"static file '{relative}' is a link to '{outside}', outside the static folder; it is left out: copy the file in instead of linking");
                continue;
            }

            if (files.Contains(relative) || folders.Contains(relative))
            {
                diagnostics.Error("SG0815", shown, 0, 0,
                    $"static file '{relative}' has the path of a file the build generates; rename or move it (static files cannot replace pages, feeds or assets)");
                continue;
            }

            if (Parents(relative).FirstOrDefault(files.Contains) is { } generatedFile)
            {
                diagnostics.Error("SG0816", shown, 0, 0, $"static file '{relative}' could not be copied: '{generatedFile}' is a file the build generates");
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error("SG0816", shown, 0, 0, $"static file '{relative}' could not be copied: {e.Message}");
                continue;
            }

            entries.Add(new OutputEntry(relative, "static:" + InputHash.OfBytes(bytes), () => bytes));
        }

        return entries;
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

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }
}
