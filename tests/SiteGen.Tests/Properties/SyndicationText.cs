using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace SiteGen.Tests.Properties;

/// <summary>How an item's body is written in its feed file.</summary>
internal enum BodyForm
{
    /// <summary>RSS <c>description</c> / Atom <c>type="html"</c> / JSON <c>content_html</c>, entity-escaped.</summary>
    EscapedHtml,

    /// <summary>The same HTML in one CDATA section (JSON: <c>content_html</c>).</summary>
    Cdata,

    /// <summary>Atom <c>type="text"</c>, RSS <c>description</c> of escaped plain text, JSON <c>content_text</c>.</summary>
    Text,

    /// <summary>Atom <c>type="xhtml"</c> (well-formed elements inside the XHTML div); RSS/JSON write it as HTML.</summary>
    Xhtml,

    /// <summary>No body: the item is its title (or nothing, SG0135).</summary>
    None,
}

/// <summary>One generated article as the feeds carry it; <see cref="Copies"/> says where else it appears.</summary>
/// <param name="Index">Its marker's number.</param>
/// <param name="Title">Title fragments, or null for no title.</param>
/// <param name="Body">Body fragments (HTML-ish strings, see <see cref="SyndicationText"/>).</param>
/// <param name="Copies">Where the article appears: (format 0 RSS / 1 Atom / 2 JSON, truncated after N fragments or -1).</param>
internal sealed record GenItem(
    int Index,
    string[]? Title,
    string[] Body,
    BodyForm Form,
    int Link,
    int Guid,
    int Date,
    string[]? Author,
    string[] Categories,
    (int Format, int Cut)[] Copies);

/// <summary>A generated seeds folder: the items of the three syndication files and optionally a text feed.</summary>
internal sealed record GenSite(GenItem[] Items, byte[][][]? TextFeed, bool RelaxedJson);

/// <summary>
/// Generators of hostile RSS 2.0, Atom 1.0 and JSON Feed files built from <see cref="FeedText"/>'s fragments: titles,
/// bodies (escaped HTML, CDATA, Atom text/html/xhtml, JSON content_html/content_text), links and guids (valid,
/// relative, <c>javascript:</c>, shared), dates (valid and broken), authors and categories; an article may appear in
/// several formats, verbatim or truncated. Each article carries unique markers in its title and body, so "in exactly
/// one page" cannot be satisfied by accident.
/// </summary>
internal static class SyndicationText
{
    /// <summary>Well-formed XML that is hostile HTML: for Atom xhtml bodies (each names <c>sginj</c>).</summary>
    private static readonly string[] XhtmlHostile =
    [
        "<script>alert('sginj')</script>", "<sginj>x</sginj>", "<img src=\"x\" onerror=\"sginj()\"/>", "<b sginj=\"1\">粗</b>",
        "<a href=\"javascript:sginj()\">点</a>", "<iframe src=\"//sginj\"/>", "<svg onload=\"sginj()\"/>", "<div style=\"sginj\">块</div>",
        "<!-- sginj -->", "<style>sginj{}</style>", "<p>段落</p>", "<em>强调</em>", "<code>x &lt; y</code>", "<pre>a\n  b</pre>",
        "<a href=\"https://example.org/ok\">好链接</a>", "<ul><li>一</li><li>二</li></ul>", "<h2>小节</h2>", "<br/>",
    ];

    /// <summary>HTML pieces beyond the text-line ones: markup HTML bodies really carry, and entity tricks.</summary>
    private static readonly string[] HtmlExtra =
    [
        "<p>", "</p>", "<br>", "<h2>小节</h2>", "<ul><li>一<li>二</ul>", "<pre><code class=\"language-python\">x = 1\n</code></pre>",
        "<a href=\"  jav&#x09;ascript:sginj()\">点</a>", "<a href=\"JaVaScRiPt:sginj()\">点</a>", "<img src=\"data:text/html,sginj\">",
        "<a href=\"relative/路径\">相对</a>", "&lt;sginj&gt;", "&amp;lt;sginj&amp;gt;", "&#x1B;", "&#xFFFE;", "&#0;", "&nbsp;",
        "<table><tr><td>a</td><td>b</td></tr></table>", "<blockquote>引用</blockquote>", "<script type=\"math/tex\">x^2</script>",
        "<![CDATA[<sginj>]]>", "]]>", "<math><annotation encoding=\"application/x-tex\">y</annotation></math>",
    ];

    private static Gen<string> Fragment(bool xhtml) => Gen.Frequency(
        (6, Gen.OneOf(FeedText.Cjk)),
        (3, Gen.OneOf(FeedText.Markdown)),
        (3, Gen.OneOf(FeedText.Tex)),
        (2, xhtml ? Gen.OneOf(XhtmlHostile) : Gen.OneOf(FeedText.Html)),
        (2, xhtml ? Gen.OneOf(XhtmlHostile) : Gen.OneOf(HtmlExtra)),
        (1, Gen.OneOf(FeedText.Emoji)),
        (1, Gen.OneOf(FeedText.Damage).Select(b => Encoding.UTF8.GetString(b))),
        (2, Gen.String[Gen.Char['a', 'z'], 1, 8]),
        (1, Gen.String[Gen.Char[' ', '~'], 1, 6]));

    /// <summary>Links: 0 none, 1 absolute, 2 relative, 3 javascript:, 4 shared by every item choosing it, 5 IRI, 6 blank.</summary>
    public static string? Link(int kind, int index) => kind switch
    {
        1 => $"https://example.org/p/{index}",
        2 => $"p/{index}.html",
        3 => "javascript:alert('sginj')",
        4 => "https://example.org/shared/?utm_source=x",
        5 => $"http://例子.中国/路径/{index}?a=1&b=2#frag",
        6 => "   ",
        _ => null,
    };

    private static readonly string[] RssDates = ["Mon, 01 Apr 2024 10:00:00 +0800", "Tue, 02 Apr 2024 10:00:00 PST", "Wed, 3 Apr 2024 23:59:59 GMT"];
    private static readonly string[] IsoDates = ["2024-04-01T10:00:00+08:00", "2024-04-02T02:00:00Z", "2024-04-03T23:59:59.123-05:00"];
    private static readonly string[] BadDates = ["昨天", "2024-13-45T99:00:00Z", "01/04/2024", "<b>sginj</b>", ""];

    /// <summary>Dates: 0 none, 1–3 valid, 4–8 broken.</summary>
    public static string? Date(int kind, bool rss) => kind switch
    {
        0 => null,
        <= 3 => (rss ? RssDates : IsoDates)[kind - 1],
        _ => BadDates[kind - 4],
    };

    private static readonly string[] CategoryPool = ["生成模型", "LLM", "diffusion", "<b sginj=1>类</b>", "javascript:sginj()", "  ", "大语言模型"];

    private static readonly Gen<(int, int)[]> CopiesGen =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 7], (f, c) => (f, c < 5 ? -1 : c - 4)).Array[1, 3];

    private static Gen<GenItem> ItemGen(int index) =>
        Gen.Select(Gen.Enum<BodyForm>(), Gen.Bool, Gen.Int[0, 6], Gen.Int[0, 6], Gen.Int[0, 8], Gen.Int[0, 3])
            .SelectMany(t => Gen.Select(
                Gen.Frequency((4, Fragment(false).Array[1, 6].Select(a => (string[]?)a)), (1, Gen.Const((string[]?)null))),
                Fragment(t.Item1 == BodyForm.Xhtml).Array[1, 20],
                Fragment(false).Array[1, 2].Select(a => t.Item2 ? a : null),
                Gen.OneOf(CategoryPool).Array[0, t.Item6],
                CopiesGen,
                (title, body, author, categories, copies) => new GenItem(index, title, body, t.Item1, t.Item3, t.Item4, t.Item5,
                    author, categories, copies)));

    /// <summary>A site: 4 to 14 articles over the three syndication files, and a text feed half the time.</summary>
    public static readonly Gen<GenSite> Site =
        Gen.Int[4, 14].SelectMany(n => Gen.Select(
            Enumerable.Range(0, n).Select(ItemGen).Aggregate(
                Gen.Const(Array.Empty<GenItem>()), (acc, g) => acc.SelectMany(a => g.Select(i => (GenItem[])[.. a, i]))),
            Gen.Frequency((1, FeedText.Line.Array[1, 6].Select(f => (byte[][][]?)f)), (1, Gen.Const((byte[][][]?)null))),
            Gen.Bool,
            (items, text, relaxed) => new GenSite(items, text, relaxed)));

    public static string TitleMarker(int index) => $"〔标题{index:D3}〕";

    /// <summary>
    /// A truncated copy has a marker of its own: a short text that does not merge with its truncated copy (too few
    /// shingles) would otherwise be in two pages by the letter of the property (its text is a prefix of the copy's).
    /// </summary>
    public static string BodyMarker(int index, bool truncated = false) => truncated ? $"〔节选{index:D3}〕" : $"〔正文{index:D3}〕";

    /// <summary>The item's title text (unescaped) or null.</summary>
    public static string? Title(GenItem item) => item.Title is null ? null : string.Concat(item.Title) + " " + TitleMarker(item.Index);

    /// <summary>The body markup (unescaped), cut after <paramref name="cut"/> fragments with "…" when cut ≥ 0.</summary>
    public static string Body(GenItem item, int cut)
    {
        var fragments = cut >= 0 && cut < item.Body.Length ? item.Body[..cut] : item.Body;
        var body = BodyMarker(item.Index, cut >= 0) + " " + string.Concat(fragments);
        return cut >= 0 ? body + "…" : body;
    }

    /// <summary>The seeds files: <c>010-rss.xml</c>, <c>020-atom.xml</c>, <c>030-feed.json</c> and maybe <c>000-text.txt</c>.</summary>
    public static Dictionary<string, byte[]> Files(GenSite site)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["010-rss.xml"] = Encoding.UTF8.GetBytes(Rss(site)),
            ["020-atom.xml"] = Encoding.UTF8.GetBytes(Atom(site)),
            ["030-feed.json"] = Encoding.UTF8.GetBytes(Json(site)),
        };
        if (site.TextFeed is { } text)
        {
            files["000-text.txt"] = FeedText.Bytes(text);
        }
        return files;
    }

    private static IEnumerable<(GenItem Item, int Cut)> In(GenSite site, int format) =>
        site.Items.SelectMany(i => i.Copies.Where(c => c.Format == format).Take(1).Select(c => (i, c.Cut)));

    private static string X(string text) => SecurityElement.Escape(text);

    private static string Cdata(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";

    private static string Rss(GenSite site)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel><title>RSS</title><link>https://example.org/</link><description>d</description>\n");
        foreach (var (item, cut) in In(site, 0))
        {
            xml.Append("<item>\n");
            if (Title(item) is { } title)
            {
                xml.Append("<title>").Append(X(title)).Append("</title>\n");
            }
            if (Link(item.Link, item.Index) is { } link)
            {
                xml.Append("<link>").Append(X(link)).Append("</link>\n");
            }
            if (Link(item.Guid, item.Index + 500) is { } guid)
            {
                xml.Append("<guid isPermaLink=\"false\">").Append(X(guid)).Append("</guid>\n");
            }
            if (Date(item.Date, rss: true) is { } date)
            {
                xml.Append("<pubDate>").Append(X(date)).Append("</pubDate>\n");
            }
            if (item.Author is { } author)
            {
                xml.Append(item.Index % 2 == 0 ? "<dc:creator>" : "<author>mail@example.org (").Append(X(string.Concat(author)))
                    .Append(item.Index % 2 == 0 ? "</dc:creator>\n" : ")</author>\n");
            }
            foreach (var category in item.Categories)
            {
                xml.Append("<category>").Append(X(category)).Append("</category>\n");
            }
            var body = Body(item, cut);
            switch (item.Form)
            {
                case BodyForm.EscapedHtml or BodyForm.Text or BodyForm.Xhtml:
                    xml.Append("<description>").Append(X(body)).Append("</description>\n");
                    break;
                case BodyForm.Cdata:
                    xml.Append("<description>d</description><content:encoded>").Append(Cdata(body)).Append("</content:encoded>\n");
                    break;
            }
            xml.Append("</item>\n");
        }
        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(GenSite site)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://example.org/atom/\">\n<title>Atom</title><id>urn:feed</id><updated>2024-04-01T00:00:00Z</updated>\n");
        foreach (var (item, cut) in In(site, 1))
        {
            xml.Append("<entry>\n");
            if (Title(item) is { } title)
            {
                // An html title is the same text, HTML-escaped (and then XML-escaped): it must read as the RSS title does.
                xml.Append(item.Index % 3 == 0 ? "<title type=\"html\">" : "<title>")
                    .Append(X(item.Index % 3 == 0 ? System.Net.WebUtility.HtmlEncode(title) : title)).Append("</title>\n");
            }
            if (Link(item.Link, item.Index) is { } link)
            {
                xml.Append("<link rel=\"alternate\" href=\"").Append(X(link)).Append("\"/>\n");
            }
            xml.Append("<id>").Append(X(Link(item.Guid, item.Index + 500) ?? $"urn:item:{item.Index}")).Append("</id>\n");
            if (Date(item.Date, rss: false) is { } date)
            {
                xml.Append(item.Index % 2 == 0 ? "<published>" : "<updated>").Append(X(date)).Append(item.Index % 2 == 0 ? "</published>\n" : "</updated>\n");
            }
            if (item.Author is { } author)
            {
                xml.Append("<author><name>").Append(X(string.Concat(author))).Append("</name></author>\n");
            }
            foreach (var category in item.Categories)
            {
                xml.Append("<category term=\"").Append(X(category)).Append("\"/>\n");
            }
            var body = Body(item, cut);
            switch (item.Form)
            {
                case BodyForm.EscapedHtml:
                    xml.Append("<content type=\"html\">").Append(X(body)).Append("</content>\n");
                    break;
                case BodyForm.Cdata:
                    xml.Append("<summary type=\"html\">").Append(Cdata(body)).Append("</summary>\n");
                    break;
                case BodyForm.Text:
                    xml.Append("<content type=\"text\">").Append(X(body)).Append("</content>\n");
                    break;
                case BodyForm.Xhtml:
                    // Fragments other than the well-formed hostile elements are text, so they are escaped.
                    xml.Append("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">")
                        .Append(XhtmlBody(item, cut)).Append("</div></content>\n");
                    break;
            }
            xml.Append("</entry>\n");
        }
        return xml.Append("</feed>\n").ToString();
    }

    private static string XhtmlBody(GenItem item, int cut)
    {
        var fragments = cut >= 0 && cut < item.Body.Length ? item.Body[..cut] : item.Body;
        var body = new StringBuilder(X(BodyMarker(item.Index, cut >= 0) + " "));
        foreach (var fragment in fragments)
        {
            body.Append(XhtmlHostile.Contains(fragment) ? fragment : X(fragment));
        }
        return cut >= 0 ? body.Append('…').ToString() : body.ToString();
    }

    private static string Json(GenSite site)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = site.RelaxedJson ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", "JSON");
            json.WriteString("home_page_url", "https://example.org/json/");
            json.WriteStartArray("items");
            foreach (var (item, cut) in In(site, 2))
            {
                json.WriteStartObject();
                if (item.Guid == 0)
                {
                    json.WriteNumber("id", item.Index);
                }
                else
                {
                    json.WriteString("id", Link(item.Guid, item.Index + 500) ?? "");
                }
                if (Title(item) is { } title)
                {
                    json.WriteString("title", title);
                }
                if (Link(item.Link, item.Index) is { } link)
                {
                    json.WriteString(item.Index % 2 == 0 ? "url" : "external_url", link);
                }
                if (Date(item.Date, rss: false) is { } date)
                {
                    json.WriteString("date_published", date);
                }
                if (item.Author is { } author)
                {
                    json.WriteStartArray("authors");
                    json.WriteStartObject();
                    json.WriteString("name", string.Concat(author));
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                if (item.Categories.Length > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (var category in item.Categories)
                    {
                        json.WriteStringValue(category);
                    }
                    json.WriteEndArray();
                }
                var body = Body(item, cut);
                switch (item.Form)
                {
                    case BodyForm.EscapedHtml or BodyForm.Cdata or BodyForm.Xhtml:
                        json.WriteString("content_html", body);
                        break;
                    case BodyForm.Text:
                        json.WriteString(item.Index % 2 == 0 ? "content_text" : "summary", body);
                        break;
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A readable form of a generated site for the shrunk counterexample: the files themselves.</summary>
    public static string Show(GenSite site) =>
        string.Join("\n", Files(site).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"===== {f.Key}\n{Encoding.UTF8.GetString(f.Value)}"));
}
