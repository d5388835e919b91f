using System.Globalization;
using System.Xml;
using SiteGen.Config;

namespace SiteGen.Publish;

/// <summary>Writes the machine-readable files: Atom feed, sitemap and robots.txt, all with absolute URLs.</summary>
public sealed class FeedWriter(SiteConfig config, SiteUrls urls)
{
    public const int FeedEntries = 50;

    public void Run(SiteModel site, ISiteWriter output)
    {
        foreach (var (path, content) in Files(site))
        {
            output.Write(path, content);
        }
    }

    /// <summary>The machine-readable files and their content; cheap enough to compute on every rebuild.</summary>
    public IEnumerable<(string Path, string Content)> Files(SiteModel site)
    {
        yield return ("atom.xml", Atom(site));
        yield return ("sitemap.xml", Sitemap(site));
        yield return ("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute("sitemap.xml")}\n");
    }

    private string Atom(SiteModel site)
    {
        var updated = site.Articles.Select(a => a.Page.Date).Max() ?? new DateOnly(2000, 1, 1);
        return Xml(writer =>
        {
            const string ns = "http://www.w3.org/2005/Atom";
            writer.WriteStartElement("feed", ns);
            writer.WriteAttributeString("xml", "lang", null, config.Language);
            writer.WriteElementString("title", ns, config.Title);
            writer.WriteElementString("subtitle", ns, config.Description);
            writer.WriteElementString("id", ns, urls.Absolute(""));
            writer.WriteElementString("updated", ns, Timestamp(updated));
            Link(writer, ns, urls.Absolute(""), "alternate");
            Link(writer, ns, urls.Absolute("atom.xml"), "self");
            writer.WriteStartElement("generator", ns);
            writer.WriteString("SiteGen");
            writer.WriteEndElement();
            foreach (var article in site.Articles.Take(FeedEntries))
            {
                var url = urls.Absolute(article.Page.Url);
                writer.WriteStartElement("entry", ns);
                writer.WriteElementString("title", ns, XmlText(article.Page.Title));
                writer.WriteElementString("id", ns, url);
                writer.WriteElementString("updated", ns, Timestamp(article.Page.Date ?? updated));
                Link(writer, ns, url, "alternate");
                if (PageModels.OriginalLink(article.Page.Link) is { } original)
                {
                    // The article's original (an imported item's link), exactly as the page shows it.
                    Link(writer, ns, original, "related");
                }

                // Atom wants an author per entry when the feed has none: the article's, else the site's.
                writer.WriteStartElement("author", ns);
                writer.WriteElementString("name", ns, XmlText(PageModels.ShownAuthor(article.Page.Author)?.Trim() ?? config.Title));
                writer.WriteEndElement();
                foreach (var tag in article.Page.Tags)
                {
                    writer.WriteStartElement("category", ns);
                    writer.WriteAttributeString("term", XmlText(tag));
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("summary", ns);
                writer.WriteString(XmlText(article.Excerpt));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private string Sitemap(SiteModel site) => Xml(writer =>
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        writer.WriteStartElement("urlset", ns);
        void Url(string siteUrl, DateOnly? modified)
        {
            writer.WriteStartElement("url", ns);
            writer.WriteElementString("loc", ns, urls.Absolute(siteUrl));
            if (modified is { } date)
            {
                writer.WriteElementString("lastmod", ns, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            writer.WriteEndElement();
        }

        Url("", site.Articles.Select(a => a.Page.Date).Max());
        for (var number = 2; number <= WriteSite.PageCount(site.Articles.Count, config.PageSize); number++)
        {
            Url(WriteSite.ListingUrl("", number), null);
        }

        foreach (var article in site.Articles)
        {
            Url(article.Page.Url, article.Page.Date);
        }

        Url("tags/", null);
        foreach (var tag in site.Tags)
        {
            // Every page of a tag's listing, as the site writes them.
            for (var number = 1; number <= WriteSite.PageCount(tag.Articles.Count, config.PageSize); number++)
            {
                Url(WriteSite.ListingUrl(tag.Url, number), null);
            }
        }

        writer.WriteEndElement();
    });

    private static void Link(XmlWriter writer, string ns, string href, string rel)
    {
        writer.WriteStartElement("link", ns);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    /// <summary>
    /// Text XML 1.0 can carry: a hand-written page's front matter may hold control characters (YAML <c>"\x01"</c>) or
    /// a lone surrogate, which <see cref="XmlWriter"/> refuses with an exception; each becomes U+FFFD.
    /// </summary>
    internal static string XmlText(string text)
    {
        System.Text.StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var ok = pair || XmlConvert.IsXmlChar(c);
            if (!ok && clean is null)
            {
                clean = new System.Text.StringBuilder(text.Length).Append(text, 0, i);
            }
            clean?.Append(ok ? c : '\uFFFD');
            if (pair)
            {
                clean?.Append(text[i + 1]);
                i++;
            }
        }

        return clean?.ToString() ?? text;
    }

    private static string Timestamp(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Xml(Action<XmlWriter> write)
    {
        var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, NewLineChars = "\n" }))
        {
            writer.WriteStartDocument();
            write(writer);
        }

        return text.ToString() + "\n";
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
