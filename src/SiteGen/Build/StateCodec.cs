using System.Text;
using SiteGen.Common;
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

    /// <summary>Hands everything written so far to the stream.</summary>
    public void Flush() => _writer.Flush();

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
    public void Map<T>(IEnumerable<KeyValuePair<string, T>> entries, Action<T> writeValue)
    {
        var (keys, values) = OrdinalSort.ByKey(entries);
        Int(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            String(keys[i]);
            writeValue(values[i]);
        }
    }

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

/// <summary>
/// Reads what <see cref="StateWriter"/> wrote (the <see cref="BinaryWriter"/> encoding); any inconsistency throws
/// <see cref="InvalidDataException"/>, <see cref="FormatException"/> or <see cref="EndOfStreamException"/>. It has its own buffer: a
/// string is decoded straight from the buffered bytes, where <see cref="BinaryReader.ReadString"/> gathers any string
/// longer than 128 bytes through a <see cref="StringBuilder"/> (page Markdown and body text: a fifth of reading the
/// state at 10,000 pages). It reads ahead: <see cref="AtEnd"/> and <see cref="Consumed"/>, not the stream's position,
/// say where it is.
/// </summary>
internal sealed class StateReader(Stream stream, int bufferBytes = 1 << 16)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    // Room for the longest fixed-width value at least.
    private readonly byte[] _buffer = new byte[Math.Max(16, bufferBytes)];
    private int _position;
    private int _length;
    private long _before;

    /// <summary>The bytes taken from the stream so far, counted from where it was when reading began.</summary>
    public long Consumed => _before + _position;

    /// <summary>True when every byte of the stream has been taken.</summary>
    public bool AtEnd => _position == _length && Fill(1) == 0;

    public int Int() => (int)VarInt(bits: 32);

    public long Long() => (long)VarInt(bits: 64);

    /// <summary>A 7-bit encoded number of <paramref name="bits"/> bits, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
    private ulong VarInt(int bits)
    {
        var bytes = (bits + 6) / 7;
        var result = 0ul;
        for (var i = 0; i < bytes; i++)
        {
            var b = Byte();
            if (i == bytes - 1 && b >> (bits - (7 * i)) != 0)
            {
                break;
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("bad 7-bit encoded number");
    }

    public ulong ULong()
    {
        Need(sizeof(ulong));
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(_position));
        _position += sizeof(ulong);
        return value;
    }

    public bool Bool() => Byte() != 0;

    public string String()
    {
        var length = Int();
        if (length < 0)
        {
            throw new FormatException($"bad string length {length}");
        }

        if (length <= _buffer.Length)
        {
            Need(length);
            var text = Utf8.GetString(_buffer, _position, length);
            _position += length;
            return text;
        }

        var have = _length - _position;
        if (stream.CanSeek && length - have > stream.Length - stream.Position)
        {
            throw new EndOfStreamException();
        }

        var bytes = new byte[length];
        _buffer.AsSpan(_position, have).CopyTo(bytes);
        _before += _length;
        _position = _length = 0;
        stream.ReadExactly(bytes, have, length - have);
        _before += length - have;
        return Utf8.GetString(bytes);
    }

    private byte Byte()
    {
        Need(1);
        return _buffer[_position++];
    }

    /// <summary>Makes at least <paramref name="count"/> (at most the buffer's size) unread bytes available.</summary>
    private void Need(int count)
    {
        if (_length - _position < count && Fill(count) < count)
        {
            throw new EndOfStreamException();
        }
    }

    /// <summary>Moves the unread bytes to the front and reads until <paramref name="count"/> are there or the stream ends.</summary>
    private int Fill(int count)
    {
        var rest = _length - _position;
        _buffer.AsSpan(_position, rest).CopyTo(_buffer);
        _before += _position;
        _position = 0;
        _length = rest;
        while (_length < count)
        {
            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                break;
            }

            _length += read;
        }

        return _length;
    }

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
}
