using System.Text;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Build;

/// <summary>
/// The binary encoding of the build state: length-prefixed UTF-8 strings, counts before lists, and a
/// presence byte before anything optional. Compact and fast to read back at 10,000 pages, which JSON is not.
/// </summary>
internal sealed class StateWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, Encoding.UTF8, leaveOpen: true);

    public void Int(int value) => _writer.Write7BitEncodedInt(value);

    public void Long(long value) => _writer.Write7BitEncodedInt64(value);

    /// <summary>A hash-like number, in 8 bytes (a variable-length one would mostly take 10).</summary>
    public void ULong(ulong value) => _writer.Write(value);

    public void Bool(bool value) => _writer.Write(value);

    public void String(string value) => _writer.Write(value);

    public void NullableString(string? value)
    {
        Bool(value is not null);
        if (value is not null)
        {
            String(value);
        }
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Int(values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    public void List<T>(IReadOnlyCollection<T> values, Action<T> write)
    {
        Int(values.Count);
        foreach (var value in values)
        {
            write(value);
        }
    }

    /// <summary>A map as its count, then each key (in ordinal order, so equal maps give equal bytes) and its value.</summary>
    public void Map<T>(IEnumerable<KeyValuePair<string, T>> entries, Action<T> writeValue) =>
        List(entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(), e =>
        {
            String(e.Key);
            writeValue(e.Value);
        });

    public void Diagnostics(IReadOnlyCollection<Diagnostic> diagnostics) => List(diagnostics, d =>
    {
        Int((int)d.Severity);
        String(d.Code);
        String(d.File);
        Int(d.Line);
        Int(d.Column);
        String(d.Message);
    });

    public void Page(Page page)
    {
        String(page.SourcePath);
        String(page.Id);
        String(page.Title);
        String(page.Slug);
        Bool(page.Date is not null);
        if (page.Date is { } date)
        {
            Int(date.DayNumber);
        }

        Strings(page.Tags);
        List(page.Sources, s =>
        {
            String(s.Feed);
            Int(s.Line);
            Bool(s.Item is not null);
            if (s.Item is { } item)
            {
                Int(item);
            }
        });
        Bool(page.Truncated);
        NullableString(page.Description);
        String(page.Markdown);
        Int(page.BodyLine);
        NullableString(page.Link);
        NullableString(page.Author);
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>Reads what <see cref="StateWriter"/> wrote; any inconsistency throws <see cref="InvalidDataException"/>.</summary>
internal sealed class StateReader(Stream stream) : IDisposable
{
    private readonly BinaryReader _reader = new(stream, Encoding.UTF8, leaveOpen: true);

    public int Int() => _reader.Read7BitEncodedInt();

    public long Long() => _reader.Read7BitEncodedInt64();

    public ulong ULong() => _reader.ReadUInt64();

    public bool Bool() => _reader.ReadBoolean();

    public string String() => _reader.ReadString();

    public string? NullableString() => Bool() ? String() : null;

    public int Count()
    {
        var count = Int();
        return count is >= 0 and <= 100_000_000 ? count : throw new InvalidDataException($"bad count {count}");
    }

    public string[] Strings()
    {
        var values = new string[Count()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = String();
        }

        return values;
    }

    public List<T> List<T>(Func<T> read)
    {
        var count = Count();
        var values = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(read());
        }

        return values;
    }

    public List<Diagnostic> Diagnostics() => List(() =>
    {
        var severity = Int();
        if (severity is not ((int)Severity.Warning or (int)Severity.Error))
        {
            throw new InvalidDataException($"bad severity {severity}");
        }

        return new Diagnostic((Severity)severity, String(), String(), Int(), Int(), String());
    });

    public Page Page()
    {
        var sourcePath = String();
        var id = String();
        var title = String();
        var slug = String();
        DateOnly? date = Bool() ? DateOnly.FromDayNumber(Int()) : null;
        var tags = Strings();
        var sources = List(() => new PageSource(String(), Int(), Bool() ? Int() : null));
        var truncated = Bool();
        var description = NullableString();
        var markdown = String();
        var bodyLine = Int();
        var link = NullableString();
        var author = NullableString();
        return new Page(sourcePath, id, title, slug, date, tags, sources, truncated, description, markdown, bodyLine, link, author);
    }

    public void Dispose() => _reader.Dispose();
}
