using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>The public API under <c>/v1/</c>, the upload storage endpoint and the signed output downloads.</summary>
public static partial class Api
{
    [GeneratedRegex("^key_[0-9a-f]{128}$")]
    private static partial Regex KeyPattern();

    /// <summary>401 unless the request carries <c>Authorization: Bearer key</c> with an accepted key.</summary>
    public static string? AuthenticationError(HttpRequest request, SimulatorSettings settings)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return "Missing API key. Send it as 'Authorization: Bearer <key>'.";
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return "Malformed Authorization header. Expected 'Bearer <key>'.";
        var key = header["Bearer ".Length..].Trim();
        var accepted = settings.AcceptedKeys();
        var valid = accepted.Count > 0 ? accepted.Contains(key) : KeyPattern().IsMatch(key);
        return valid ? null : "Invalid API key.";
    }

    public static string? VersionError(HttpRequest request)
    {
        var version = request.Headers["X-Runway-Version"].ToString();
        if (string.IsNullOrEmpty(version)) return "Missing X-Runway-Version header. Use X-Runway-Version: " + Http.RunwayVersion;
        return version == Http.RunwayVersion ? null : $"Unsupported X-Runway-Version '{version}'. Use {Http.RunwayVersion}.";
    }

    public static void Map(WebApplication app)
    {
        foreach (var endpoint in Catalog.ModelsByEndpoint.Keys)
            app.MapPost($"/v1/{endpoint}", (HttpContext ctx, TaskStore store, UploadStore uploads, OutputSigner signer, SimulatorState state) =>
                CreateAsync(ctx, endpoint, store, uploads, signer, state));

        app.MapGet("/v1/tasks/{id}", (HttpContext ctx, string id, TaskStore store, OutputSigner signer, SimulatorState state) =>
        {
            Log(ctx)?.SetTaskId(id);
            var view = store.Get(id, DateTimeOffset.UtcNow);
            return view is null ? Http.Error(404, "Task not found.") : Results.Json(TaskJson(view, ctx.Request, signer, state.Current));
        });

        app.MapDelete("/v1/tasks/{id}", (HttpContext ctx, string id, TaskStore store) =>
        {
            Log(ctx)?.SetTaskId(id);
            return store.CancelOrDelete(id, DateTimeOffset.UtcNow) ? Results.StatusCode(204) : Http.Error(404, "Task not found.");
        });

        app.MapGet("/v1/organization", (TaskStore store, SimulatorState state) =>
        {
            var settings = state.Current;
            var today = store.GenerationsOn(DateOnly.FromDateTime(DateTime.UtcNow));
            return Results.Json(new
            {
                creditBalance = store.Balance,
                tier = new
                {
                    maxMonthlyCreditSpend = settings.MaxMonthlyCreditSpend,
                    models = settings.TierModels(Catalog.TierModels).ToDictionary(m => m, m => new
                    {
                        maxConcurrentGenerations = settings.ConcurrencyLimitOf(m),
                        maxDailyGenerations = settings.DailyLimitOf(m),
                    }),
                },
                usage = new { models = today.ToDictionary(kv => kv.Key, kv => new { dailyGenerations = kv.Value }) },
            });
        });

        app.MapPost("/v1/organization/usage", UsageAsync);
        app.MapPost("/v1/uploads", CreateUploadAsync);

        app.MapPost("/_storage/{id}", (HttpContext ctx, string id, UploadStore uploads) => uploads.ReceiveAsync(ctx, id));

        app.MapMethods("/_outputs/{taskId}/{file}", ["GET", "HEAD"], DownloadAsync);
    }

    private static RequestLogEntry? Log(HttpContext ctx) => ctx.Items[typeof(RequestLogEntry)] as RequestLogEntry;
    private static void SetTaskId(this RequestLogEntry entry, string id) => entry.TaskId = id;

    /// <summary>A stable, non-secret id for the request's API key (usage by API key reports it).</summary>
    public static string ApiKeyIdOf(HttpRequest request)
    {
        var key = request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static async Task<IResult> CreateAsync(HttpContext ctx, string endpoint, TaskStore store, UploadStore uploads, OutputSigner signer, SimulatorState state)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var validation = new ValidationContext(uploads, signer);
        var request = Rules.Validate(endpoint, body, validation, state.Current.AcceptRetiredModels);
        if (request is null) return Http.ValidationError(validation.Issues);

        var (outcome, taskId) = store.Create(request, DateTimeOffset.UtcNow, ApiKeyIdOf(ctx.Request));
        return outcome switch
        {
            CreateOutcome.DailyLimit => Http.Error(429, $"You have reached the daily generation limit for {request.Model}."),
            CreateOutcome.InsufficientCredits => Http.Error(400, "You do not have enough credits to run this task."),
            _ => Created(ctx, taskId!, request.Credits),
        };

        static IResult Created(HttpContext ctx, string id, long credits)
        {
            Log(ctx)?.SetTaskId(id);
            return Results.Json(new { id, estimatedCost = new { credits } });
        }
    }

    public static Dictionary<string, object> TaskJson(TaskView view, HttpRequest request, OutputSigner signer, SimulatorSettings settings)
    {
        var json = new Dictionary<string, object>
        {
            ["id"] = view.Id,
            ["status"] = view.ReportedStatus ?? view.Status.ToString(),
            ["createdAt"] = Http.IsoTime(view.CreatedAt),
        };
        if (view.Progress is { } progress) json["progress"] = progress;
        if (view.EstimatedCredits is { } estimate) json["estimatedCost"] = new { credits = estimate };
        if (view.CostCredits is { } cost) json["cost"] = new { credits = cost };
        if (view.Status == SimTaskStatus.SUCCEEDED)
        {
            var exp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + settings.OutputTtlSeconds, view.ExpiredThroughExp + 1);
            json["output"] = view.Outputs.Select((o, i) => signer.Url(Http.BaseUrl(request), OutputSigner.PathFor(view.Id, i, o), exp)).ToArray();
        }
        if (view.Failure is not null) json["failure"] = view.Failure;
        if (view.FailureCode is not null) json["failureCode"] = view.FailureCode;
        return json;
    }

    private static async Task<IResult> UsageAsync(HttpContext ctx, TaskStore store, UploadStore uploads, SimulatorState state)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["startDate", "beforeDate"]);
        var start = ParseDate(r, "startDate");
        var before = ParseDate(r, "beforeDate");
        if (v.Failed) return Http.ValidationError(v.Issues);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Defaults: a 30-day window ending today (inclusive), or 30 days from startDate when that ends earlier.
        var beforeDay = before ?? (start is { } from && from.AddDays(30) < today.AddDays(1) ? from.AddDays(30) : today.AddDays(1));
        var startDay = start ?? beforeDay.AddDays(-30);
        if (startDay >= beforeDay) v.Add(["beforeDate"], "beforeDate must be after startDate");
        else if (beforeDay.DayNumber - startDay.DayNumber > 90) v.Add(["beforeDate"], "The range between startDate and beforeDate must be at most 90 days");
        if (v.Failed) return Http.ValidationError(v.Issues);

        var rows = store.Usage(startDay, beforeDay, DateTimeOffset.UtcNow);
        var json = new Dictionary<string, object>
        {
            ["results"] = rows.Select(row => new
            {
                date = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                usedCredits = row.Used.Select(u => new { model = u.Model, amount = u.Amount }),
            }),
            ["models"] = rows.SelectMany(row => row.Used.Select(u => u.Model)).Distinct().ToArray(),
        };
        if (state.Current.UsageByApiKey)
        {
            var byKey = store.UsageByKey(startDay, beforeDay, DateTimeOffset.UtcNow);
            json["apiKeys"] = byKey.SelectMany(row => row.Used.Select(u => u.KeyId)).Distinct().ToArray();
            json["resultsByApiKey"] = byKey.Select(row => new
            {
                date = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                usedCredits = row.Used.Select(u => new { amount = u.Amount, apiKeyId = u.KeyId }),
            });
        }
        return Results.Json(json);

        static DateOnly? ParseDate(ObjectReader r, string key)
        {
            if (r.String(key, false, 1, 64) is not { } text) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                && text.Contains('T'))
                return DateOnly.FromDateTime(t.UtcDateTime);
            r.Context.Add(r.PathOf(key), "Expected an ISO 8601 date (YYYY-MM-DD)");
            return null;
        }
    }

    private static async Task<IResult> CreateUploadAsync(HttpContext ctx, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["filename", "type"]);
        var filename = r.String("filename", true, 1, 255);
        r.Enum("type", true, ["ephemeral"]);
        if (filename is not null)
        {
            var extension = Path.GetExtension(filename).TrimStart('.').ToLowerInvariant();
            if (filename.IndexOfAny(['/', '\\']) >= 0 || filename.Any(char.IsControl))
                v.Add(["filename"], "filename must be a plain file name");
            else if (!Media.UploadExtensions.Contains(extension))
                v.Add(["filename"], $"Unsupported file extension '.{extension}'. Expected one of: {string.Join(", ", Media.UploadExtensions)}");
        }
        if (v.Failed) return Http.ValidationError(v.Issues);

        var upload = uploads.Create(filename!);
        return Results.Json(new
        {
            uploadUrl = $"{Http.BaseUrl(ctx.Request)}/_storage/{upload.Id}",
            fields = upload.Fields,
            runwayUri = upload.RunwayUri,
        });
    }

    private static async Task DownloadAsync(HttpContext ctx, string taskId, string file, TaskStore store, OutputSigner signer)
    {
        var request = ctx.Request;
        var response = ctx.Response;
        var path = request.Path.Value!;
        if (!signer.Verify(path, request.Query["exp"], request.Query["sig"], out var exp))
        {
            await Http.Error(403, "Invalid signature.").ExecuteAsync(ctx);
            return;
        }
        if (exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            await Http.Error(403, "This URL has expired.").ExecuteAsync(ctx);
            return;
        }
        var view = store.Get(taskId, DateTimeOffset.UtcNow);
        var index = view is null ? -1 : OutputFiles.IndexOf(file, view.Outputs);
        if (view is null || view.Status != SimTaskStatus.SUCCEEDED || index < 0)
        {
            await Http.Error(404, "Not found.").ExecuteAsync(ctx);
            return;
        }
        if (exp <= view.ExpiredThroughExp)
        {
            await Http.Error(403, "This URL has expired.").ExecuteAsync(ctx);
            return;
        }
        await Outputs.WriteAsync(response, view.Outputs[index], HttpMethods.IsHead(request.Method));
    }
}
