using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>Small helpers shared by the API, storage and control endpoints.</summary>
public static class Http
{
    public const string RunwayVersion = "2024-11-06";
    public const int MaxJsonBodyBytes = 32 * 1024 * 1024;
    public const string BodyTextItem = "sim.bodyText";

    public static IResult Error(int status, string message) =>
        Results.Json(new { error = message }, statusCode: status);

    public static IResult ValidationError(IReadOnlyList<Issue> issues) =>
        Results.Json(new
        {
            error = "Validation of body failed",
            issues = issues.Select(i => new { path = i.Path, message = i.Message }),
        }, statusCode: 400);

    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var ct) &&
        ct.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Reads a request body as text (up to the JSON cap); null when it is too large.</summary>
    public static async Task<string?> ReadBodyTextAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxJsonBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The request's JSON object body (read once by the request pipeline), or an error result:
    /// wrong content type, oversized, malformed JSON, or not an object.
    /// </summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadJsonObjectAsync(HttpContext ctx, bool allowEmpty = false)
    {
        // The request pipeline reads bodies up front for the request log; a null entry means "too large".
        if (!ctx.Items.TryGetValue(BodyTextItem, out var cached))
        {
            cached = await ReadBodyTextAsync(ctx.Request);
            ctx.Items[BodyTextItem] = cached;
        }
        if (cached is not string text) return (default, Error(413, "Request body too large"));
        if (allowEmpty && text.Length == 0 && ctx.Request.ContentType is null)
            return (JsonDocument.Parse("{}").RootElement, null);
        if (!IsJson(ctx.Request)) return (default, Error(400, "Content-Type must be application/json"));
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            var root = doc.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object) return (default, Error(400, "Request body must be a JSON object"));
            return (root, null);
        }
        catch (JsonException e)
        {
            return (default, Error(400, $"Request body is not valid JSON: {e.Message}"));
        }
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string IsoTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
