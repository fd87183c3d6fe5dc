using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Runway.Simulator.Validation;

/// <summary>One validation problem: the JSON path (keys and array indexes) and a message.</summary>
public sealed record Issue(IReadOnlyList<object> Path, string Message);

/// <summary>Collects issues and resolves media inputs while a request body is validated.</summary>
public sealed class ValidationContext(UploadStore uploads, OutputSigner? outputs = null)
{
    public List<Issue> Issues { get; } = [];

    /// <summary>Every media input resolved so far, with its path (for cross-field checks such as image sizes).</summary>
    public List<(MediaInfo Info, object[] Path)> Resolved { get; } = [];
    public bool Failed => Issues.Count > 0;
    public void Add(IEnumerable<object> path, string message) => Issues.Add(new Issue(path.ToArray(), message));

    /// <summary>
    /// Checks a media input (https URL, completed runway:// upload, or data URI of the right kind and format)
    /// and returns what is known about it, or null after recording an issue.
    /// </summary>
    public MediaInfo? Media(JsonElement value, object[] path, MediaKind kind)
    {
        var info = Resolve(value, path, kind);
        if (info is not null) Resolved.Add((info, path));
        return info;
    }

    private MediaInfo? Resolve(JsonElement value, object[] path, MediaKind kind)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, $"Expected string, received {JsonTypes.Name(value)}");
            return null;
        }
        var uri = value.GetString()!;
        var kindName = kind.ToString().ToLowerInvariant();
        if (uri.StartsWith("data:", StringComparison.Ordinal)) return DataUri(uri, path, kind, kindName);
        if (uri.StartsWith("runway://", StringComparison.Ordinal))
        {
            var upload = uploads.FindByUri(uri);
            if (upload is null) { Add(path, "Unknown runway:// upload URI"); return null; }
            if (!upload.Completed) { Add(path, "The upload for this runway:// URI has not been completed"); return null; }
            if (upload.Info is null || !Simulator.Media.FormatFits(upload.Info.Format, kind))
            {
                Add(path, $"The uploaded file is not a supported {kindName}");
                return null;
            }
            return upload.Info with { Kind = kind };
        }
        if (uri.Length > Simulator.Media.MaxUrlLength)
        {
            Add(path, $"URL must be at most {Simulator.Media.MaxUrlLength} characters");
            return null;
        }
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            Add(path, "Expected an HTTPS URL, a runway:// upload URI or a data URI");
            return null;
        }
        if (OwnOutput(parsed) is { } output)
        {
            if (Simulator.Media.FormatFits(output, kind)) return new MediaInfo(kind, output, null);
            Add(path, $"This output is a {output} file, not a supported {kindName}");
            return null;
        }
        if (parsed.Scheme != Uri.UriSchemeHttps)
        {
            Add(path, $"Only HTTPS URLs are allowed, received {parsed.Scheme}://");
            return null;
        }
        return new MediaInfo(kind, "remote", null);
    }

    /// <summary>
    /// The format of one of this simulator's own unexpired, correctly signed output URLs, else null. The real
    /// service serves outputs over https and accepts them as inputs; the simulator serves them over plain http
    /// on loopback, so it accepts exactly those URLs of its own and no other http URL.
    /// </summary>
    private string? OwnOutput(Uri url)
    {
        if (outputs is null || !url.IsLoopback || !url.AbsolutePath.StartsWith("/_outputs/", StringComparison.Ordinal)) return null;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        if (!outputs.Verify(url.AbsolutePath, query.TryGetValue("exp", out var exp) ? exp.ToString() : null,
                query.TryGetValue("sig", out var sig) ? sig.ToString() : null, out var expiry)
            || expiry < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
            return null;
        var extension = Path.GetExtension(url.AbsolutePath).TrimStart('.');
        return extension switch
        {
            "" => null,
            "mov" => "quicktime",
            "jpg" => "jpeg",
            _ => extension,
        };
    }

    private static readonly Regex DataUriPattern = new(@"^data:([a-z0-9.+-]+/[a-z0-9.+-]+);base64,", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private MediaInfo? DataUri(string uri, object[] path, MediaKind kind, string kindName)
    {
        const int limit = Simulator.Media.MaxDataUriChars;
        if (uri.Length > limit)
        {
            Add(path, $"Data URI must be at most {limit / 1024 / 1024} MB, received {uri.Length} characters");
            return null;
        }
        var match = DataUriPattern.Match(uri);
        if (!match.Success)
        {
            Add(path, "Data URI must have the form data:<mime type>;base64,<data>");
            return null;
        }
        var mime = match.Groups[1].Value.ToLowerInvariant();
        if (!Simulator.Media.MimeFormats[kind].TryGetValue(mime, out var format))
        {
            Add(path, $"Unsupported {kindName} type '{mime}'. Expected one of: {string.Join(", ", Simulator.Media.MimeFormats[kind].Keys)}");
            return null;
        }
        var payload = uri.AsSpan(match.Length);
        var bytes = new byte[payload.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var written) || written == 0)
        {
            Add(path, "Data URI payload is not valid base64");
            return null;
        }
        var sniffed = Simulator.Media.Sniff(bytes.AsSpan(0, Math.Min(written, 64)));
        if (sniffed is null || !Simulator.Media.MimeAccepts(format, sniffed))
        {
            Add(path, $"Data URI content is not a valid {mime} file");
            return null;
        }
        using var stream = new MemoryStream(bytes, 0, written, writable: false);
        return Simulator.Media.Describe(kind, sniffed, stream);
    }
}

public static class JsonTypes
{
    public static string Name(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    public static string Quote(string s) => "'" + s + "'";
}

/// <summary>
/// Reads the fields of one JSON object strictly: unknown keys, nulls and wrong types become issues.
/// Each typed getter returns null when the field is absent or invalid.
/// </summary>
public sealed class ObjectReader
{
    private readonly JsonElement _obj;
    private readonly object[] _path;
    public ValidationContext Context { get; }

    public ObjectReader(JsonElement obj, object[] path, ValidationContext context, IReadOnlyCollection<string> allowedKeys)
    {
        _obj = obj;
        _path = path;
        Context = context;
        foreach (var p in obj.EnumerateObject())
            if (!allowedKeys.Contains(p.Name))
                context.Add(PathOf(p.Name), $"Unrecognized key {JsonTypes.Quote(p.Name)}");
    }

    public object[] PathOf(object key) => [.. _path, key];

    public bool Has(string key) => _obj.TryGetProperty(key, out _);

    /// <summary>The raw value, or null when absent (recording "Required") or JSON null (recording the type error).</summary>
    public JsonElement? Get(string key, bool required, string expected)
    {
        if (!_obj.TryGetProperty(key, out var v))
        {
            if (required) Context.Add(PathOf(key), "Required");
            return null;
        }
        if (v.ValueKind == JsonValueKind.Null)
        {
            Context.Add(PathOf(key), $"Expected {expected}, received null");
            return null;
        }
        return v;
    }

    public string? String(string key, bool required, int min = 1, int max = 1000)
    {
        if (Get(key, required, "string") is not { } v) return null;
        if (v.ValueKind != JsonValueKind.String)
        {
            Context.Add(PathOf(key), $"Expected string, received {JsonTypes.Name(v)}");
            return null;
        }
        var s = v.GetString()!;
        if (s.Length < min) { Context.Add(PathOf(key), $"String must contain at least {min} character(s)"); return null; }
        if (s.Length > max) { Context.Add(PathOf(key), $"String must contain at most {max} character(s)"); return null; }
        return s;
    }

    public string? Enum(string key, bool required, IReadOnlyCollection<string> values)
    {
        if (Get(key, required, "string") is not { } v) return null;
        if (v.ValueKind != JsonValueKind.String)
        {
            Context.Add(PathOf(key), $"Expected string, received {JsonTypes.Name(v)}");
            return null;
        }
        var s = v.GetString()!;
        if (!values.Contains(s))
        {
            Context.Add(PathOf(key), $"Invalid enum value. Expected {string.Join(" | ", values.Select(JsonTypes.Quote))}, received {JsonTypes.Quote(s)}");
            return null;
        }
        return s;
    }

    public double? Number(string key, bool required, double min, double max, bool integer = false)
    {
        if (Get(key, required, "number") is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Number)
        {
            Context.Add(PathOf(key), $"Expected number, received {JsonTypes.Name(v)}");
            return null;
        }
        var d = v.GetDouble();
        if (integer && d != Math.Floor(d)) { Context.Add(PathOf(key), "Expected integer, received float"); return null; }
        if (d < min) { Context.Add(PathOf(key), $"Number must be greater than or equal to {Format(min)}"); return null; }
        if (d > max) { Context.Add(PathOf(key), $"Number must be less than or equal to {Format(max)}"); return null; }
        return d;
    }

    /// <summary>An integer that must be one of the listed values.</summary>
    public int? IntegerChoice(string key, bool required, params int[] values)
    {
        if (Number(key, required, double.MinValue, double.MaxValue, integer: true) is not { } d) return null;
        if (!values.Contains((int)d))
        {
            Context.Add(PathOf(key), $"Invalid literal value, expected {string.Join(" | ", values)}");
            return null;
        }
        return (int)d;
    }

    public bool? Bool(string key)
    {
        if (Get(key, false, "boolean") is not { } v) return null;
        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Context.Add(PathOf(key), $"Expected boolean, received {JsonTypes.Name(v)}");
            return null;
        }
        return v.GetBoolean();
    }

    public ObjectReader? Object(string key, bool required, params string[] allowedKeys)
    {
        if (Get(key, required, "object") is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Object)
        {
            Context.Add(PathOf(key), $"Expected object, received {JsonTypes.Name(v)}");
            return null;
        }
        return new ObjectReader(v, PathOf(key), Context, allowedKeys);
    }

    /// <summary>An array's elements with their paths, after checking the length bounds.</summary>
    public IReadOnlyList<(JsonElement Item, object[] Path)>? Array(string key, bool required, int min, int max)
    {
        if (Get(key, required, "array") is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Array)
        {
            Context.Add(PathOf(key), $"Expected array, received {JsonTypes.Name(v)}");
            return null;
        }
        var items = v.EnumerateArray().Select((e, i) => (e, PathOf(key).Append((object)i).ToArray())).ToList();
        if (items.Count < min) { Context.Add(PathOf(key), $"Array must contain at least {min} element(s)"); return null; }
        if (items.Count > max) { Context.Add(PathOf(key), $"Array must contain at most {max} element(s)"); return null; }
        return items;
    }

    public MediaInfo? Media(string key, bool required, MediaKind kind) =>
        Get(key, required, "string") is { } v ? Context.Media(v, PathOf(key), kind) : null;

    /// <summary>A nested object of the given shape at an array position.</summary>
    public static ObjectReader? Element(JsonElement item, object[] path, ValidationContext context, params string[] allowedKeys)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            context.Add(path, $"Expected object, received {JsonTypes.Name(item)}");
            return null;
        }
        return new ObjectReader(item, path, context, allowedKeys);
    }

    private static string Format(double d) => d.ToString(CultureInfo.InvariantCulture);
}
