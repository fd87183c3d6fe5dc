using System.Globalization;
using System.Text;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>Query-string validation, cursor pagination and signed asset URLs shared by the avatar-side resources.</summary>
public static class ResourceHttp
{
    /// <summary>Page size bounds: the SDK declares <c>limit?: number</c> only, so these are the simulator's own.</summary>
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static IResult QueryError(IReadOnlyList<Issue> issues) =>
        Results.Json(new
        {
            error = "Validation of query failed",
            issues = issues.Select(i => new { path = i.Path, message = i.Message }),
        }, statusCode: 400);

    public static RequestLogEntry? Log(HttpContext ctx) => ctx.Items[typeof(RequestLogEntry)] as RequestLogEntry;

    /// <summary>Reads query parameters strictly: unknown or repeated keys are issues.</summary>
    public sealed class Query
    {
        private readonly IQueryCollection _query;
        public ValidationContext Context { get; }

        public Query(HttpRequest request, ValidationContext context, params string[] allowed)
        {
            _query = request.Query;
            Context = context;
            foreach (var (key, values) in _query)
            {
                if (!allowed.Contains(key)) context.Add([key], $"Unrecognized query parameter {JsonTypes.Quote(key)}");
                else if (values.Count > 1) context.Add([key], "Expected a single value");
            }
        }

        public string? String(string key, bool required)
        {
            if (!_query.TryGetValue(key, out var v) || v.Count == 0)
            {
                if (required) Context.Add([key], "Required");
                return null;
            }
            var s = v[0] ?? "";
            if (s.Length == 0) { Context.Add([key], "String must contain at least 1 character(s)"); return null; }
            return s;
        }

        public string? Enum(string key, bool required, params string[] values)
        {
            if (String(key, required) is not { } s) return null;
            if (values.Contains(s)) return s;
            Context.Add([key], $"Invalid enum value. Expected {string.Join(" | ", values.Select(JsonTypes.Quote))}, received {JsonTypes.Quote(s)}");
            return null;
        }

        public int Limit()
        {
            if (String("limit", false) is not { } s) return DefaultLimit;
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxLimit)
            {
                Context.Add(["limit"], $"limit must be an integer from 1 to {MaxLimit}");
                return DefaultLimit;
            }
            return n;
        }

        public DateTimeOffset? Time(string key, bool required)
        {
            if (String(key, required) is not { } s) return null;
            if (ParseTime(s) is { } t) return t;
            Context.Add([key], "Expected an ISO 8601 date-time (e.g. 2026-01-31T00:00:00.000Z) or date (YYYY-MM-DD)");
            return null;
        }
    }

    public static DateTimeOffset? ParseTime(string s)
    {
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (s.Contains('T') && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        return null;
    }

    /// <summary>
    /// One page of an already ordered list. The cursor is opaque (the list's name and the next offset); at the end
    /// <c>nextCursor</c> is null (the SDK declares a string and stops on any falsy value).
    /// </summary>
    public static object Page<T>(IReadOnlyList<T> items, Query query, string list, Func<T, object> shape, out bool badCursor)
    {
        var limit = query.Limit();
        var offset = 0;
        badCursor = false;
        if (query.String("cursor", false) is { } cursor)
        {
            if (DecodeCursor(cursor, list) is { } o) offset = o;
            else { query.Context.Add(["cursor"], "Invalid cursor"); badCursor = true; }
        }
        var page = items.Skip(offset).Take(limit).Select(shape).ToList();
        var next = offset + limit < items.Count ? EncodeCursor(list, offset + limit) : null;
        return new { data = page, nextCursor = next };
    }

    private static string EncodeCursor(string list, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{list}:{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? DecodeCursor(string cursor, string list)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            var parts = text.Split(':');
            return parts.Length == 2 && parts[0] == list && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null;
        }
        catch (FormatException) { return null; }
    }

    public static string SignedAsset(HttpRequest request, OutputSigner signer, SimulatorSettings settings, string path) =>
        signer.Url(Http.BaseUrl(request), path, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + settings.OutputTtlSeconds);

    /// <summary>A silent constant-bitrate MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono) of about the given length.</summary>
    public static byte[] SilentMp3(double seconds)
    {
        const int frameBytes = 417; // 144 * 128000 / 44100, no padding
        var frames = Math.Max(1, (int)Math.Round(seconds * 44100 / 1152));
        var bytes = new byte[frames * frameBytes];
        for (var i = 0; i < frames; i++)
        {
            var at = i * frameBytes;
            bytes[at] = 0xFF; bytes[at + 1] = 0xFB; bytes[at + 2] = 0x90; bytes[at + 3] = 0xC0;
        }
        return bytes;
    }
}
