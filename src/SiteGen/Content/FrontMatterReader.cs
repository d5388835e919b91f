using System.Globalization;
using SiteGen.Common;
using SiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content;

/// <summary>The front-matter fields SiteGen understands.</summary>
internal sealed record FrontMatter(
    string? Id, string? Title, string? Slug, int SlugLine, DateOnly? Date, IReadOnlyList<string> Tags,
    IReadOnlyList<PageSource> Sources, bool Truncated, string? Description)
{
    /// <summary><c>link</c>: the original of an article imported from a feed item.</summary>
    public string? Link { get; init; }

    /// <summary><c>author</c> of an article imported from a feed item.</summary>
    public string? Author { get; init; }
}

/// <summary>Reads front matter with YamlDotNet, turning its block-relative marks into file lines.</summary>
internal sealed class FrontMatterReader(string path, DiagnosticBag diagnostics)
{
    private int _firstLine;

    public FrontMatter? Read(string yaml, int firstLine)
    {
        _firstLine = firstLine;
        var node = SafeYaml.Load(yaml, out var problem);
        if (problem is not null)
        {
            diagnostics.Warning("SG0207", path, firstLine + problem.Line - 1, problem.Column,
                $"front matter: {problem.Message}; the page is left out of the site until this is fixed");
            return null;
        }

        var root = node is null ? new YamlMappingNode() : node as YamlMappingNode;
        if (root is null)
        {
            diagnostics.Warning("SG0207", path, firstLine, 1, "front matter must be a mapping of fields (key: value)");
            return null;
        }

        string? id = null, title = null, slug = null, description = null, link = null, author = null;
        var slugLine = firstLine;
        DateOnly? date = null;
        IReadOnlyList<string> tags = [];
        IReadOnlyList<PageSource> sources = [];
        var truncated = false;
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: var key })
            {
                diagnostics.Warning("SG0208", path, Line(keyNode), (int)keyNode.Start.Column,
                    "a front-matter field's name must be plain text, not a list or mapping; the field is ignored");
                continue;
            }

            switch (key)
            {
                case "id": id = Scalar(value); break;
                case "title": title = Scalar(value); break;
                case "slug": slug = Scalar(value); slugLine = Line(value); break;
                case "description": description = Scalar(value); break;
                case "date": date = Date(value); break;
                case "tags": tags = Strings(value); break;
                case "sources": sources = Sources(value); break;
                case "truncated": truncated = Scalar(value) is "true" or "True" or "yes"; break;
                case "link": link = Scalar(value); break;
                case "author": author = Scalar(value); break;
            }
        }

        return new FrontMatter(id, title, slug, slugLine, date, tags, sources, truncated, description) { Link = link, Author = author };
    }

    private int Line(YamlNode node) => _firstLine + (int)node.Start.Line - 1;

    private string? Scalar(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        diagnostics.Warning("SG0208", path, Line(node), (int)node.Start.Column, "expected a single value here");
        return null;
    }

    private DateOnly? Date(YamlNode node)
    {
        var text = Scalar(node);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParse(text.Length >= 10 ? text[..10] : text, CultureInfo.InvariantCulture, out var date))
        {
            return date;
        }

        diagnostics.Warning("SG0208", path, Line(node), (int)node.Start.Column, $"'{text}' is not a date; write it as YYYY-MM-DD");
        return null;
    }

    private IReadOnlyList<string> Strings(YamlNode node) => node switch
    {
        YamlSequenceNode list => list.Children.Select(Scalar).OfType<string>().Where(s => s.Length > 0).ToList(),
        YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value) => [scalar.Value],
        _ => [],
    };

    private IReadOnlyList<PageSource> Sources(YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            return [];
        }

        var sources = new List<PageSource>();
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            string? feed = null;
            var line = 0;
            int? position = null;
            foreach (var (key, value) in item.Children)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name == "feed") feed = Scalar(value);
                else if (name == "line") line = int.TryParse(Scalar(value), out var n) ? n : 0;
                else if (name == "item") position = int.TryParse(Scalar(value), out var p) && p > 0 ? p : null;
            }

            if (feed is not null)
            {
                sources.Add(new PageSource(feed, line, position));
            }
        }

        return sources;
    }
}
