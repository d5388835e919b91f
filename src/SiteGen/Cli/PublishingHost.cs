using System.Text.RegularExpressions;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>
/// A published site needs its host: with a base URL such as <c>/</c> the Atom feed's links and ids, the
/// sitemap and <c>og:url</c> are relative, which feed readers and crawlers cannot resolve. Builds and
/// deploys warn once (SG0510), at the <c>base_url</c> line of <c>sitegen.yml</c> when there is one.
/// </summary>
internal static partial class PublishingHost
{
    /// <summary>What <c>sitegen init</c> writes when it is not told where the site will live (RFC 2606's example host).</summary>
    public const string Placeholder = "https://example.org/";

    public const string NoHostCode = "SG0510";
    public const string PlaceholderCode = "SG0910";

    /// <summary>SG0510 when <paramref name="config"/>'s base URL has no scheme and host, else null.</summary>
    public static Diagnostic? NoHost(SiteConfig config)
    {
        if (config.BaseUrl.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var (file, line, column) = Where(config);
        return Diagnostic.Warning(NoHostCode, file, line, column,
            $"base URL '{config.BaseUrl}' has no scheme and host, so the Atom feed, sitemap.xml and og:url links are relative and feed readers " +
            $"and crawlers cannot follow them; set base_url: https://your-host{config.BaseUrl} in {System.IO.Path.GetFileName(config.ConfigFile)} (or pass --base-url)");
    }

    /// <summary>SG0910 when the base URL is still init's placeholder host, else null; only a deploy asks.</summary>
    public static Diagnostic? StillPlaceholder(SiteConfig config)
    {
        if (!Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out var uri) || uri.Host != new Uri(Placeholder).Host)
        {
            return null;
        }

        var (file, line, column) = Where(config);
        return Diagnostic.Warning(PlaceholderCode, file, line, column,
            $"base URL '{config.BaseUrl}' is the placeholder 'sitegen init' wrote; set base_url to the address the site is published at " +
            "(e.g. https://you.github.io/repo/), rebuild, then deploy");
    }

    /// <summary>The <c>base_url</c> line of the configuration file, or the file itself.</summary>
    private static (string File, int Line, int Column) Where(SiteConfig config)
    {
        if (File.Exists(config.ConfigFile))
        {
            var lines = File.ReadAllLines(config.ConfigFile);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = BaseUrlKey().Match(lines[i]);
                if (match.Success)
                {
                    return (config.ConfigFile, i + 1, match.Groups["value"].Index + 1);
                }
            }
        }

        return (config.ConfigFile, 0, 0);
    }

    [GeneratedRegex(@"^base_url\s*:\s*(?<value>)")]
    private static partial Regex BaseUrlKey();
}
