using SiteGen.Templates;

namespace SiteGen.Publish;

/// <summary>Copies the theme's static files (<c>assets/**</c>, embedded or overridden in <c>templates/assets/</c>) to <c>site/assets/</c>.</summary>
public sealed class CopyAssets
{
    public int Run(IReadOnlyList<ThemeFile> assets, SiteOutput output)
    {
        foreach (var asset in assets)
        {
            var target = Path.Combine(output.StagingDir, asset.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, asset.Bytes);
        }

        return assets.Count;
    }
}
