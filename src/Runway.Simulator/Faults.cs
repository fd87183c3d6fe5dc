using System.Globalization;
using System.Text.Json;

namespace Runway.Simulator;

public enum FaultKind { Status, Drop, DropAfter, Delay, Stall, EmptyPage }

/// <summary>A queued fault: matches requests by method and path prefix, <see cref="Remaining"/> times.</summary>
public sealed class Fault
{
    public required long Id { get; init; }
    public string? Method { get; init; }
    public required string Path { get; init; }
    public required FaultKind Kind { get; init; }
    public int Remaining { get; set; }
    public int Status { get; init; } = 500;
    public string Error { get; init; } = "Simulated fault";
    public string? RetryAfter { get; init; }
    public string? RetryAfterMs { get; init; }
    public int DelayMs { get; init; }
    /// <summary>The <c>x-should-retry</c> header of a status fault (the SDK obeys it before its own rules); null: none.</summary>
    public bool? ShouldRetry { get; init; }

    public bool Matches(string method, string path) =>
        (Method is null || Method.Equals(method, StringComparison.OrdinalIgnoreCase)) &&
        path.StartsWith(Path, StringComparison.Ordinal);

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Drop => "drop",
        FaultKind.DropAfter => "dropAfter",
        FaultKind.Stall => "stall",
        FaultKind.EmptyPage => "emptyPage",
        _ => "delay",
    };

    public object ToJson() => new
    {
        id = Id, method = Method, path = Path, kind = KindName(Kind), remaining = Remaining, status = Status,
        error = Error, retryAfter = RetryAfter, retryAfterMs = RetryAfterMs, delayMs = DelayMs, shouldRetry = ShouldRetry,
    };
}

/// <summary>The fault queue. The oldest matching fault wins; each match consumes one of its count.</summary>
public sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];
    private long _nextId;

    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Matches(method, path));
            if (fault is null) return null;
            if (--fault.Remaining <= 0) _faults.Remove(fault);
            return fault;
        }
    }

    public IReadOnlyList<object> List() { lock (_gate) return _faults.Select(f => f.ToJson()).ToList(); }

    public void Clear() { lock (_gate) _faults.Clear(); }

    /// <summary>Parses and queues <c>{method?, path, kind, count?, status?, error?, retryAfter?, retryAfterMs?, delayMs?, shouldRetry?}</c>.</summary>
    public (Fault? Fault, string? Error) Add(JsonElement body)
    {
        string? method = null, path = null, kind = null, error = null, retryAfter = null, retryAfterMs = null;
        int count = 1, status = 500, delayMs = 0;
        bool statusGiven = false, delayGiven = false;
        bool? shouldRetry = null;
        foreach (var p in body.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "method": if (!Str(v, out method)) return Bad("method must be a string"); break;
                case "path": if (!Str(v, out path)) return Bad("path must be a string"); break;
                case "kind": if (!Str(v, out kind)) return Bad("kind must be a string"); break;
                case "error": if (!Str(v, out error)) return Bad("error must be a string"); break;
                case "count": if (!Int(v, out count) || count < 1) return Bad("count must be an integer >= 1"); break;
                case "status": if (!Int(v, out status) || status is < 200 or > 599) return Bad("status must be an HTTP status code"); statusGiven = true; break;
                case "delayMs": if (!Int(v, out delayMs) || delayMs < 0) return Bad("delayMs must be an integer >= 0"); delayGiven = true; break;
                case "retryAfter":
                    retryAfter = v.ValueKind switch
                    {
                        JsonValueKind.Number => v.GetDouble().ToString(CultureInfo.InvariantCulture),
                        JsonValueKind.String => v.GetString(),
                        _ => null,
                    };
                    if (retryAfter is null) return Bad("retryAfter must be a number of seconds or an HTTP date string");
                    break;
                case "retryAfterMs":
                    if (v.ValueKind != JsonValueKind.Number) return Bad("retryAfterMs must be a number");
                    retryAfterMs = v.GetDouble().ToString(CultureInfo.InvariantCulture);
                    break;
                case "shouldRetry":
                    if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Bad("shouldRetry must be a boolean");
                    shouldRetry = v.GetBoolean();
                    break;
                default: return Bad($"Unknown fault field '{p.Name}'");
            }
        }
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/')) return Bad("path is required and must start with '/'");
        FaultKind? parsed = kind switch
        {
            "status" => FaultKind.Status,
            "drop" => FaultKind.Drop,
            "dropAfter" => FaultKind.DropAfter,
            "delay" => FaultKind.Delay,
            "stall" => FaultKind.Stall,
            "emptyPage" => FaultKind.EmptyPage,
            _ => null,
        };
        if (parsed is null) return Bad("kind must be one of: status, drop, dropAfter, delay, stall, emptyPage");
        if (parsed == FaultKind.Status && !statusGiven) return Bad("a 'status' fault needs a status");
        if (parsed == FaultKind.Delay && !delayGiven) return Bad("a 'delay' fault needs delayMs");
        lock (_gate)
        {
            var fault = new Fault
            {
                Id = ++_nextId, Method = method?.ToUpperInvariant(), Path = path, Kind = parsed.Value, Remaining = count,
                Status = status, Error = error ?? "Simulated fault", RetryAfter = retryAfter, RetryAfterMs = retryAfterMs, DelayMs = delayMs,
                ShouldRetry = shouldRetry,
            };
            _faults.Add(fault);
            return (fault, null);
        }

        static (Fault?, string?) Bad(string message) => (null, message);
        static bool Str(JsonElement e, out string? s) { s = e.ValueKind == JsonValueKind.String ? e.GetString() : null; return s is not null; }
        static bool Int(JsonElement e, out int i) { i = 0; return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out i); }
    }
}

/// <summary>
/// Passes the first half of a response body through (all of it is flushed), then stops sending: it waits out
/// the stall and aborts the connection, like a server or proxy that hangs mid-transfer.
/// </summary>
public sealed class StallingStream(Stream inner, HttpContext context, TimeSpan stall) : Stream
{
    private long _written;
    private bool _stalled;

    private long Allowance => (context.Response.ContentLength ?? 0) / 2;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stalled) return;
        var room = (int)Math.Max(0, Math.Min(buffer.Length, Allowance - _written));
        if (room > 0)
        {
            await inner.WriteAsync(buffer[..room], cancellationToken);
            _written += room;
        }
        if (room == buffer.Length) return;
        _stalled = true;
        await inner.FlushAsync(cancellationToken);
        try { await Task.Delay(stall, context.RequestAborted); } catch (OperationCanceledException) { }
        context.Abort();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _stalled ? Task.CompletedTask : inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
