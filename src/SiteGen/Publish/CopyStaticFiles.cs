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
}
