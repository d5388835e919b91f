using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Import.Syndication;

/// <summary>Dates as feeds write them: RFC 822 (RSS <c>pubDate</c>, named zones included) and RFC 3339 (Atom, JSON Feed).</summary>
internal static partial class FeedDates
{
    private static readonly string[] Rfc822 =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy",
    ];

    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    public static bool TryParse(string? text, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = Common.Whitespace.Collapse(text);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }
        // RFC 822: optional day name, named or +hhmm zone.
        var match = Rfc822Shape().Match(value);
        if (!match.Success)
        {
            return false;
        }
        var zone = match.Groups["zone"].Value;
        zone = Zones.TryGetValue(zone, out var offset) ? offset
            : zone.Length == 5 && zone[0] is '+' or '-' ? $"{zone[..3]}:{zone[3..]}"
            : zone.Length == 1 ? "+00:00" : zone;
        var rest = match.Groups["rest"].Value;
        return DateTimeOffset.TryParseExact($"{rest} {zone}", Rfc822, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
            || DateTimeOffset.TryParseExact(rest, Rfc822, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s*)?(?<rest>\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?<zone>[A-Za-z]{1,4}|[+-]\d{4}|[+-]\d{2}:\d{2})?$")]
    private static partial Regex Rfc822Shape();
}
