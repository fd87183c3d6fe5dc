using System.Text.Json;
using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>/v1/routers CRUD and /v1/routers/{id}/requests (SDK 4.20.1 routers.d.ts).</summary>
public static partial class RouterEndpoints
{
    public static readonly string[] OptimizeFor = ["cost", "latency", "quality"];

    [GeneratedRegex("^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/routers", CreateAsync);
        app.MapGet("/v1/routers", (HttpContext ctx, RouterStore store) =>
            CursorPaging.Page(ctx.Request, store.Live, r => r.Seq, r => r.ToJson()));
        app.MapGet("/v1/routers/{id}", (string id, RouterStore store) =>
            store.ById(id) is { } router ? Results.Json(router.ToJson()) : NotFound());
        app.MapMethods("/v1/routers/{id}", ["PATCH"], UpdateAsync);
        app.MapDelete("/v1/routers/{id}", (string id, RouterStore store) =>
        {
            lock (store.Gate)
            {
                if (store.ById(id) is not { } router) return NotFound();
                router.Deleted = true;
            }
            return Results.StatusCode(204);
        });
        app.MapGet("/v1/routers/{id}/requests", (HttpContext ctx, string id, RouterStore store) =>
        {
            if (store.ById(id) is not { } router) return NotFound();
            List<(long Seq, object Json)> requests;
            lock (store.Gate) requests = [.. router.Requests];
            return CursorPaging.Page(ctx.Request, requests, q => q.Seq, q => q.Json);
        });
    }

    private static IResult NotFound() => Http.Error(404, "Model Router not found.");

    private static async Task<IResult> CreateAsync(HttpContext ctx, RouterStore store, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["slug", "description", "name", "settings"]);
        var slug = r.String("slug", true, 1, 64);
        if (slug is not null && !SlugPattern().IsMatch(slug))
            v.Add(["slug"], "Slug must be lowercase letters and digits, words joined by single '-' or '_'");
        var description = r.String("description", false, 0, 1000);
        var name = r.String("name", false, 1, 100);
        var settings = r.Object("settings", false, SettingsKeys) is { } s ? ReadSettings(s, RouterSettings.Empty, create: true) : RouterSettings.Empty;
        if (v.Failed) return Http.ValidationError(v.Issues);
        var now = DateTimeOffset.UtcNow;
        lock (store.Gate)
        {
            if (store.BySlug(slug!) is not null) return Http.Error(409, $"A Model Router with slug '{slug}' already exists.");
            var router = new SimRouter
            {
                Id = Guid.NewGuid().ToString(), Seq = store.NextSeq(), Slug = slug!, CreatedAt = now, UpdatedAt = now,
                Name = name ?? slug!, Description = description, Settings = settings,
            };
            store.Add(router);
            return Results.Json(router.ToJson());
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext ctx, string id, RouterStore store, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx, allowEmpty: true);
        if (error is not null) return error;
        lock (store.Gate)
        {
            if (store.ById(id) is not { } router) return NotFound();
            var v = new ValidationContext(uploads);
            var r = new ObjectReader(body, [], v, ["description", "name", "settings"]);
            string? description = router.Description;
            if (body.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.Null) description = null;
            else if (r.String("description", false, 0, 1000) is { } text) description = text;
            var name = r.String("name", false, 1, 100);
            var settings = r.Object("settings", false, SettingsKeys) is { } s ? ReadSettings(s, router.Settings, create: false) : router.Settings;
            if (v.Failed) return Http.ValidationError(v.Issues);
            if (!settings.SameAs(router.Settings)) router.Version++;
            router.Settings = settings;
            router.Description = description;
            if (name is not null) router.Name = name;
            router.UpdatedAt = DateTimeOffset.UtcNow;
            return Results.Json(router.ToJson());
        }
    }

    private static readonly string[] SettingsKeys = ["fallback", "maxCreditsPerGeneration", "models", "optimizeFor", "schemaVersion"];

    /// <summary>Reads a settings object merged onto <paramref name="current"/> (create starts from empty).</summary>
    private static RouterSettings ReadSettings(ObjectReader s, RouterSettings current, bool create)
    {
        s.IntegerChoice("schemaVersion", false, 1);
        var result = current;
        if (s.Enum("optimizeFor", false, OptimizeFor) is { } optimize) result = result with { OptimizeFor = optimize };
        if (s.Object("fallback", false, "onCapacity") is { } fallback)
            result = result with { HasFallback = true, OnCapacity = fallback.Bool("onCapacity") ?? current.OnCapacity };
        if (s.Object("maxCreditsPerGeneration", false, "audio", "image", "video") is { } caps)
        {
            var merged = new Dictionary<string, double>(current.MaxCredits ?? new Dictionary<string, double>());
            foreach (var modality in new[] { "audio", "image", "video" })
                if (caps.Number(modality, false, 0, 1_000_000) is { } cap) merged[modality] = cap;
            result = result with { MaxCredits = merged };
        }
        if (s.Object("models", false, "ids", "mode") is { } models)
        {
            var mode = models.Enum("mode", create || current.ModelsMode is null, ["allow_new_except", "allowlist_only"]) ?? current.ModelsMode;
            List<string>? ids = null;
            if (models.Array("ids", create || current.ModelIds is null, 0, 100) is { } items)
            {
                ids = [];
                foreach (var (item, path) in items)
                {
                    if (item.ValueKind != JsonValueKind.String) { s.Context.Add(path, $"Expected string, received {JsonTypes.Name(item)}"); continue; }
                    var id = item.GetString()!;
                    if (!Catalog.RouterModels.Contains(id)) s.Context.Add(path, $"Unknown model id '{id}'");
                    else if (!ids.Contains(id)) ids.Add(id);
                }
            }
            result = result with { ModelsMode = mode, ModelIds = ids ?? current.ModelIds };
        }
        return result;
    }
}
