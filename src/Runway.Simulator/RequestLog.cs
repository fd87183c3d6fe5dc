using System.Text.RegularExpressions;

namespace Runway.Simulator;

/// <summary>One logged API or storage request.</summary>
public sealed class RequestLogEntry
{
    public long Seq { get; set; }
    public DateTimeOffset Time { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    /// <summary>The query string with its leading '?', or null (list requests: limit, cursor, filters).</summary>
    public string? Query { get; init; }
    public int? Status { get; set; }
    public bool Authorized { get; set; }
    public bool HasAuthorization { get; init; }
    public string? UserAgent { get; init; }
    public string? Version { get; init; }
    public string? ContentType { get; init; }
    public string? Body { get; set; }
    public string? TaskId { get; set; }
    /// <summary>The fault kind applied to this request, if any.</summary>
    public string? Fault { get; set; }
    public double DurationMs { get; set; }
}

/// <summary>The request log (bounded to the most recent 10,000 entries).</summary>
public sealed partial class RequestLog
{
    public const int MaxBodyChars = 64 * 1024;
    private const int MaxEntries = 10_000;
    private const int ElideDataUriOver = 100;
    private readonly Lock _gate = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private long _seq;

    // The body is JSON text: a serializer may write '+' as \u002B and '/' as \/ inside the base64 payload.
    [GeneratedRegex(@"data:([A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+);base64,((?:[A-Za-z0-9+/=]|\\u002[Bb]|\\/)*)")]
    private static partial Regex DataUri();

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            entry.Seq = ++_seq;
            _entries.AddLast(entry);
            if (_entries.Count > MaxEntries) _entries.RemoveFirst();
        }
    }

    public IReadOnlyList<RequestLogEntry> List(string? pathPrefix, string? method)
    {
        lock (_gate)
            return _entries
                .Where(e => pathPrefix is null || e.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
                .Where(e => method is null || e.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                .ToList();
    }

    public void Clear() { lock (_gate) _entries.Clear(); }

    /// <summary>Shortens long data URIs to <c>data:mime;base64,…(N chars)</c>, then truncates the text to 64 KB.</summary>
    public static string PrepareBody(string body)
    {
        var text = DataUri().Replace(body, m =>
        {
            var length = m.Groups[2].Value.Replace("\\u002B", "+").Replace("\\u002b", "+").Replace("\\/", "/").Length;
            return length > ElideDataUriOver ? $"data:{m.Groups[1].Value};base64,…({length} chars)" : m.Value;
        });
        return text.Length > MaxBodyChars ? text[..MaxBodyChars] + $"…(truncated, {text.Length} chars)" : text;
    }
}
