using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>POST /v1/recipes/{name}: the seven recipe task endpoints of SDK 4.20.1 (recipes.d.ts).</summary>
public static class RecipeEndpoints
{
    public static readonly string[] Versions = ["2026-06", "unsafe-latest"];
    public static readonly string[] ProductAdVersions = ["2026-06", "2026-07", "unsafe-latest"];
    public static readonly string[] Languages =
        ["ar", "zh", "zh-Hant", "nl", "en", "fr", "de", "hi", "id", "it", "ja", "ko", "pl", "pt", "ru", "es", "sv", "th", "tr", "uk", "vi", "el"];
    public static readonly string[] MultiShotRatios = ["1280:720", "720:1280", "960:960", "1920:1080", "1080:1920", "1440:1440"];
    public static readonly string[] ProductAdRatios = ["1280:720", "720:1280", "960:960", "834:1112", "1920:1080", "1080:1920", "1440:1440", "1248:1664"];
    public static readonly string[] UgcRatios = ["720:1280", "1080:1920"];

    /// <summary>Each recipe's rule, by name (<see cref="Catalog.TaskModelsByEndpoint"/> lists the names: each is also its tasks' model).</summary>
    private static readonly Dictionary<string, Func<JsonElement, ValidationContext, CreateRequest?>> Recipes = new()
    {
        ["ad_localization"] = AdLocalization,
        ["marketing_stock_image"] = MarketingStockImage,
        ["multi_shot_video"] = MultiShotVideo,
        ["product_ad"] = ProductAd,
        ["product_campaign_image"] = ProductCampaignImage,
        ["product_swap"] = ProductSwap,
        ["product_ugc"] = ProductUgc,
    };

    public static void Map(WebApplication app)
    {
        foreach (var name in Catalog.TaskModelsByEndpoint["recipes"])
        {
            var validate = Recipes[name];
            app.MapPost($"/v1/recipes/{name}", (Delegate)((HttpContext ctx) => EndpointRoutes.CreateTaskAsync(ctx, validate)));
        }
    }

    /// <summary>A <c>{uri}</c> object holding one media input.</summary>
    private static MediaInfo? UriObject(ObjectReader r, string key, bool required, MediaKind kind) =>
        r.Object(key, required, "uri")?.Media("uri", true, kind);

    private static List<MediaInfo?> UriObjects(ObjectReader r, string key, bool required, int min, int max, MediaKind kind, params string[] extraKeys)
    {
        var result = new List<MediaInfo?>();
        foreach (var (item, path) in r.Array(key, required, min, max) ?? [])
        {
            var o = ObjectReader.Element(item, path, r.Context, ["uri", .. extraKeys]);
            result.Add(o?.Media("uri", true, kind));
            if (o is not null && extraKeys.Contains("view")) o.Enum("view", false, ["front", "side", "back"]);
        }
        return result;
    }

    private static ObjectReader Root(JsonElement body, ValidationContext ctx, params string[] keys) => new(body, [], ctx, keys);

    private static long PerSecond(double seconds, double rate, bool audio) =>
        Rules.Credits(seconds * (rate + (audio ? Prices.OfTask("recipe_audio") : 0)));

    public static CreateRequest? AdLocalization(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "referenceImage", "targetLanguage", "version");
        UriObject(r, "referenceImage", true, MediaKind.Image);
        r.Enum("targetLanguage", true, Languages);
        r.Enum("version", true, Versions);
        return ctx.Failed ? null : new CreateRequest("recipes/ad_localization", "ad_localization",
            (long)Prices.OfTask("ad_localization"), OutputSpec.Png("1080:1080"), null);
    }

    public static CreateRequest? MarketingStockImage(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "prompt", "version", "outputCount", "quality", "referenceImage");
        var prompt = r.String("prompt", true);
        r.Enum("version", true, Versions);
        var count = (int)(r.Number("outputCount", false, 1, 4, integer: true) ?? 4);
        var quality = r.Enum("quality", false, ["low", "medium", "high"]) ?? "high";
        UriObject(r, "referenceImage", false, MediaKind.Image);
        return ctx.Failed ? null : new CreateRequest("recipes/marketing_stock_image", "marketing_stock_image",
            (long)(count * Prices.OfTask($"marketing_stock_image:{quality}")), OutputSpec.Images("1536:1024", count), prompt);
    }

    public static CreateRequest? MultiShotVideo(JsonElement body, ValidationContext ctx)
    {
        var mode = ModeOf(body, ctx);
        if (mode is null) return null;
        var custom = mode == "custom";
        var r = custom
            ? Root(body, ctx, "mode", "shots", "version", "audio", "duration", "firstFrame", "ratio")
            : Root(body, ctx, "mode", "prompt", "version", "audio", "duration", "firstFrame", "ratio");
        var prompt = custom ? null : r.String("prompt", true);
        r.Enum("version", true, Versions);
        var audio = r.Bool("audio") ?? false;
        var duration = r.IntegerChoice("duration", false, 5, 10, 15) ?? (r.Has("duration") ? null : 10);
        UriObject(r, "firstFrame", false, MediaKind.Image);
        var ratio = r.Enum("ratio", false, MultiShotRatios) ?? "1280:720";
        if (custom)
        {
            var sum = 0.0;
            var texts = new List<string>();
            var shots = r.Array("shots", true, 3, 5);
            foreach (var (item, path) in shots ?? [])
            {
                var shot = ObjectReader.Element(item, path, ctx, "duration", "prompt");
                if (shot is null) continue;
                var seconds = shot.Number("duration", true, 0, 15);
                if (seconds is 0) ctx.Add(shot.PathOf("duration"), "Number must be greater than 0");
                sum += seconds ?? 0;
                if (shot.String("prompt", true) is { } text) texts.Add(text);
            }
            if (!ctx.Failed && duration is { } total && Math.Abs(sum - total) > 1e-9)
                ctx.Add(["shots"], $"Shot durations must sum to duration ({total}), received {sum}");
            prompt = string.Join("\n", texts);
        }
        if (ctx.Failed || duration is null) return null;
        var tier = Catalog.ParseRatio(ratio) is var (w, h) && Math.Min(w, h) >= 1080 ? "pro" : "standard";
        return new CreateRequest("recipes/multi_shot_video", "multi_shot_video",
            PerSecond(duration.Value, Prices.OfTask($"multi_shot_video:{tier}"), audio), OutputSpec.Mp4(ratio, duration.Value), prompt);
    }

    private static string? ModeOf(JsonElement body, ValidationContext ctx)
    {
        if (!body.TryGetProperty("mode", out var m)) { ctx.Add(["mode"], "Required"); return null; }
        if (m.ValueKind == JsonValueKind.String && m.GetString() is "auto" or "custom") return m.GetString();
        ctx.Add(["mode"], m.ValueKind == JsonValueKind.String
            ? $"Invalid discriminator value. Expected 'auto' | 'custom', received {JsonTypes.Quote(m.GetString()!)}"
            : $"Expected string, received {JsonTypes.Name(m)}");
        return null;
    }

    public static CreateRequest? ProductAd(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "productImages", "version", "audio", "duration", "productInfo", "ratio", "styleImages", "userConcept");
        UriObjects(r, "productImages", true, 1, 10, MediaKind.Image);
        r.Enum("version", true, ProductAdVersions);
        var audio = r.Bool("audio") ?? false;
        var duration = r.Number("duration", false, 4, 15) ?? 10;
        var info = r.String("productInfo", false);
        var ratio = r.Enum("ratio", false, ProductAdRatios) ?? "1280:720";
        UriObjects(r, "styleImages", false, 0, 4, MediaKind.Image);
        var concept = r.String("userConcept", false);
        return ctx.Failed ? null : new CreateRequest("recipes/product_ad", "product_ad",
            PerSecond(duration, Prices.OfTask("product_ad"), audio), OutputSpec.Mp4(ratio, duration), $"{info}\n{concept}");
    }

    public static CreateRequest? ProductCampaignImage(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "image", "prompt", "version");
        UriObject(r, "image", true, MediaKind.Image);
        var prompt = r.String("prompt", true);
        r.Enum("version", true, Versions);
        return ctx.Failed ? null : new CreateRequest("recipes/product_campaign_image", "product_campaign_image",
            (long)Prices.OfTask("product_campaign_image"), OutputSpec.Images("1024:1536", 4), prompt);
    }

    public static CreateRequest? ProductSwap(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "newProductImages", "originalProductImage", "referenceVideo", "version", "audio", "duration", "resolution");
        UriObjects(r, "newProductImages", true, 1, 10, MediaKind.Image, "view");
        UriObject(r, "originalProductImage", true, MediaKind.Image);
        var video = UriObject(r, "referenceVideo", true, MediaKind.Video);
        if (video?.DurationSeconds is { } seconds && seconds is < 1.8 or > 15)
            ctx.Add(["referenceVideo", "uri"], $"The reference video must last between 1.8 and 15 seconds, received {seconds:0.###}");
        r.Enum("version", true, Versions);
        var audio = r.Bool("audio") ?? false;
        var duration = r.Number("duration", false, 4, 15) ?? 10;
        var resolution = r.Enum("resolution", false, ["720p", "1080p"]) ?? "720p";
        return ctx.Failed ? null : new CreateRequest("recipes/product_swap", "product_swap",
            PerSecond(duration, Prices.OfTask($"product_swap:{resolution}"), audio),
            OutputSpec.Mp4(resolution == "720p" ? "1280:720" : "1920:1080", duration), null);
    }

    /// <summary>product_ugc's images: "Aspect ratio (width / height) must be between 0.4 and 4" (checked when the size is readable).</summary>
    private static void CheckAspect(ValidationContext ctx, string key, MediaInfo? info)
    {
        if (info?.Width is not { } w || info.Height is not { } h || h <= 0) return;
        var aspect = (double)w / h;
        if (aspect is < 0.4 or > 4)
            ctx.Add([key, "uri"], $"Aspect ratio (width / height) must be between 0.4 and 4, received {aspect.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    public static CreateRequest? ProductUgc(JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, "characterImage", "productImage", "version", "audio", "duration", "productInfo", "ratio", "userConcept");
        CheckAspect(ctx, "characterImage", UriObject(r, "characterImage", true, MediaKind.Image));
        CheckAspect(ctx, "productImage", UriObject(r, "productImage", true, MediaKind.Image));
        r.Enum("version", true, Versions);
        var audio = r.Bool("audio") ?? false;
        var duration = r.Number("duration", false, 4, 15) ?? 15;
        var info = r.String("productInfo", false);
        var ratio = r.Enum("ratio", false, UgcRatios) ?? "720:1280";
        var concept = r.String("userConcept", false);
        return ctx.Failed ? null : new CreateRequest("recipes/product_ugc", "product_ugc",
            PerSecond(duration, Prices.OfTask("product_ugc"), audio), OutputSpec.Mp4(ratio, duration), $"{info}\n{concept}");
    }
}
