using SiteGen.Check;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Publish;

namespace SiteGen.Build;

/// <summary>
/// Live-rebuild publishing: writes only the files <see cref="AffectedPages"/> names, in place into the
/// served folder, deletes the outputs of removed pages, and link-checks only the pages it wrote. Assets and
/// KaTeX files are left as the last full build wrote them (a template or configuration change builds in full).
/// </summary>
internal static class IncrementalSite
{
    /// <summary>Publishes the differences; returns the number of HTML pages written, or null when errors kept it from writing.</summary>
    public static int? Publish(SiteConfig config, PublishedSite previous, IReadOnlyList<SiteFile> plan, DiagnosticBag diagnostics, StageTimer timer)
    {
        var (write, delete) = AffectedPages.Between(previous, plan);
        // Everything is rendered before the served folder is touched, so a template error leaves it as it was.
        var rendered = timer.Time("render-pages", () =>
        {
            var html = new string[write.Count];
            Parallel.For(0, write.Count, i => html[i] = write[i].Render());
            return html;
        });
        if (diagnostics.HasErrors)
        {
            return null;
        }

        timer.Time("write", () =>
        {
            var output = new InPlaceOutput(config.OutputDir);
            Parallel.For(0, write.Count, i => output.Write(write[i].Path, rendered[i]));
            foreach (var path in delete)
            {
                output.Delete(path);
            }
        });
        var written = write.Where(f => f.IsHtml).Select(f => f.Path).ToList();
        timer.Time("check", () => new CheckLinks(config.BasePath).Run(config.OutputDir, config.OutputDir, diagnostics, written));
        return written.Count;
    }
}
