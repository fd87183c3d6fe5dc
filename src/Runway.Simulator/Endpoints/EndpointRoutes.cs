using System.Globalization;
using System.Text;
using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>
/// The endpoints added for the SDK 4.20 resources: upscales, HDR, recipes, routed generation, routers and
/// workflows. Kept apart from Api.cs so they register with one line each in Program.cs.
/// </summary>
public static class EndpointRoutes
{
    public static IServiceCollection AddEndpointStores(this IServiceCollection services) =>
        services.AddSingleton<RouterStore>().AddSingleton<WorkflowStore>().AddSingleton<WebappStore>();

    public static void Map(WebApplication app)
    {
        MediaTaskEndpoints.Map(app);
        RecipeEndpoints.Map(app);
        RouterEndpoints.Map(app);
        GenerateEndpoints.Map(app);
        WorkflowEndpoints.Map(app);
        WebappEndpoints.Map(app);
    }

    /// <summary>Called by <c>POST /_sim/reset</c>.</summary>
    public static void Reset(IServiceProvider services)
    {
        services.GetRequiredService<RouterStore>().Reset();
        services.GetRequiredService<WorkflowStore>().Reset();
        services.GetRequiredService<WebappStore>().Reset();
    }

    internal static void SetLoggedTaskId(HttpContext ctx, string id)
    {
        if (ctx.Items[typeof(RequestLogEntry)] is RequestLogEntry entry) entry.TaskId = id;
    }

    /// <summary>
    /// Validates a task-creating body with <paramref name="validate"/>, charges and creates the task, and answers
    /// <c>{id, estimatedCost: {credits}}</c> (or the usual 400/429).
    /// </summary>
    internal static async Task<IResult> CreateTaskAsync(HttpContext ctx, Func<JsonElement, ValidationContext, CreateRequest?> validate)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var services = ctx.RequestServices;
        var validation = new ValidationContext(services.GetRequiredService<UploadStore>(), services.GetRequiredService<OutputSigner>());
        var request = validate(body, validation);
        if (validation.Failed || request is null) return Http.ValidationError(validation.Issues);
        var (outcome, id, result) = Submit(ctx, request);
        return result ?? Results.Json(new { id, estimatedCost = new { credits = request.Credits } });
    }

    /// <summary>Creates a validated task in the store; the error result is non-null when it was refused.</summary>
    internal static (CreateOutcome Outcome, string? Id, IResult? Error) Submit(HttpContext ctx, CreateRequest request)
    {
        var store = ctx.RequestServices.GetRequiredService<TaskStore>();
        var (outcome, id) = store.Create(request, DateTimeOffset.UtcNow, Api.ApiKeyIdOf(ctx.Request));
        switch (outcome)
        {
            case CreateOutcome.DailyLimit: return (outcome, null, Http.Error(429, $"You have reached the daily generation limit for {request.Model}."));
            case CreateOutcome.InsufficientCredits: return (outcome, null, Http.Error(400, "You do not have enough credits to run this task."));
        }
        SetLoggedTaskId(ctx, id!);
        return (outcome, id, null);
    }
}

/// <summary>Which file names a task's outputs serve: <c>{i}.{ext of output i}</c>, the index written canonically.</summary>
public static class OutputFiles
{
    /// <summary>The index of the output that <paramref name="file"/> names, or -1.</summary>
    public static int IndexOf(string file, IReadOnlyList<OutputSpec> outputs)
    {
        var dot = file.IndexOf('.');
        if (dot < 0) return -1;
        var index = file[..dot];
        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < outputs.Count && index == i.ToString(CultureInfo.InvariantCulture) && file[(dot + 1)..] == outputs[i].Format
            ? i : -1;
    }
}

/// <summary>
/// Cursor pagination as the SDK's CursorPage reads it: <c>?limit=&amp;cursor=</c> → <c>{data, nextCursor}</c>, newest
/// first. The cursor is opaque to clients; here it encodes the sequence number of the last item served, so a
/// deletion between pages neither repeats nor skips an item.
/// </summary>
public static class CursorPaging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>One page of <paramref name="items"/>, or a 400 for an unknown parameter, a bad limit or a bad cursor.</summary>
    public static IResult Page<T>(HttpRequest request, IEnumerable<T> items, Func<T, long> seqOf, Func<T, object> toJson)
    {
        var query = request.Query;
        foreach (var key in query.Keys)
            if (key is not ("limit" or "cursor"))
                return Http.Error(400, $"Unrecognized query parameter '{key}'");
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            return Http.Error(400, $"limit must be an integer from 1 to {MaxLimit}");
        var ordered = items.OrderByDescending(seqOf).AsEnumerable();
        if (query.TryGetValue("cursor", out var cursorText) && cursorText.ToString() is { Length: > 0 } cursor)
        {
            if (Decode(cursor) is not { } before) return Http.Error(400, "Invalid cursor");
            ordered = ordered.Where(item => seqOf(item) < before);
        }
        var rest = ordered.Take(limit + 1).ToList();
        var page = rest.Take(limit).ToList();
        return Results.Json(new { data = page.Select(toJson), nextCursor = rest.Count > limit ? Encode(seqOf(page[^1])) : null });
    }

    private static string Encode(long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("seq:" + seq.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static long? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("seq:", StringComparison.Ordinal) &&
                long.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        }
        catch (FormatException) { return null; }
    }
}
