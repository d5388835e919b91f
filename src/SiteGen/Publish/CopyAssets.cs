namespace SiteGen.Publish;

/// <summary>Copies the theme's static files (<c>templates/assets/**</c>) to <c>site/assets/</c>.</summary>
public sealed class CopyAssets
{
    public int Run(string templatesDir, SiteOutput output)
    {
        var source = Path.Combine(templatesDir, "assets");
        if (!Directory.Exists(source))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(output.StagingDir, "assets", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }

        return count;
    }
}
