using SiteGen.Diagnostics;

namespace SiteGen.Build;

/// <summary>
/// The site's static folder (images, downloads, <c>CNAME</c>, favicon) as files of the new site, byte for byte,
/// each keyed by its content, so an unchanged file is kept (linked) like any other. A static file that would
/// replace a generated one (or a folder of it) is an error (SG0815), as is one that cannot be read (SG0816).
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

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }
}
