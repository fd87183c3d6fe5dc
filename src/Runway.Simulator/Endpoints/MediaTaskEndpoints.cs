using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>POST /v1/image_upscale, /v1/video_upscale and /v1/video_to_hdr (SDK 4.20.1 image-upscale, video-upscale, video-to-hdr).</summary>
public static class MediaTaskEndpoints
{
    /// <summary>Seconds assumed for a video input whose duration cannot be read (a remote URL).</summary>
    public const double UnknownVideoSeconds = 5;

    public static readonly string[] UpscaleFlavors = ["sublime", "photo", "photo_denoiser"];
    public static readonly string[] VideoFlavors = ["vivid", "natural"];
    public static readonly string[] UpscaleResolutions = ["720p", "1k", "2k", "4k"];
    public static readonly string[] TargetFramerates = ["24", "25", "30", "48", "50", "60", "120", "23_98", "29_97", "59_94"];
    public static readonly string[] HdrFormats = ["hdr10", "hlg", "hdr_prores", "hdr_exr_sequence", "hdr_exr_acescg_sequence_1_3", "hdr_exr_acescg_sequence_2_0"];
    public static readonly string[] ProresProfiles = ["422", "4444", "422 HQ"];

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/image_upscale", (Delegate)((HttpContext ctx) => EndpointRoutes.CreateTaskAsync(ctx, (b, v) => ImageUpscale(b, v, ctx.RequestServices))));
        app.MapPost("/v1/video_upscale", (Delegate)((HttpContext ctx) => EndpointRoutes.CreateTaskAsync(ctx, VideoUpscale)));
        app.MapPost("/v1/video_to_hdr", (Delegate)((HttpContext ctx) => EndpointRoutes.CreateTaskAsync(ctx, VideoToHdr)));
    }

    public static CreateRequest? ImageUpscale(JsonElement body, ValidationContext ctx, IServiceProvider services)
    {
        var r = Rules.Root(body, ctx, "imageUri", "flavor", "scaleFactor", "sharpen", "smartGrain", "ultraDetail");
        var model = r.Enum("model", true, Catalog.TaskModelsByEndpoint["image_upscale"]);
        var image = r.Media("imageUri", true, MediaKind.Image);
        r.Enum("flavor", false, UpscaleFlavors);
        var scale = r.IntegerChoice("scaleFactor", false, 2, 4, 8, 16);
        foreach (var key in new[] { "sharpen", "smartGrain", "ultraDetail" }) r.Number(key, false, 0, 100);
        if (ctx.Failed || model is null || image is null) return null;

        var factor = scale ?? 2;
        int width, height;
        if (ImageSize.Of(body.GetProperty("imageUri"), services) is { } size)
        {
            if (size.Width is < 300 or > 8000 || size.Height is < 300 or > 8000)
            {
                ctx.Add(["imageUri"], $"Each input dimension must be between 300px and 8000px, received {size.Width}x{size.Height}");
                return null;
            }
            if ((long)size.Width * factor * size.Height * factor > 25_300_000)
            {
                ctx.Add(["scaleFactor"], $"The output ({size.Width * factor}x{size.Height * factor}) would exceed 25,300,000 pixels");
                return null;
            }
            (width, height) = (size.Width * factor, size.Height * factor);
        }
        else
        {
            // A remote image is not fetched: it counts as 512x512, its output capped at 4096 px a side.
            width = height = Math.Min(512 * factor, 4096);
        }
        var credits = (long)Prices.OfTask($"magnific_precision_upscaler_v2:{factor}");
        return new CreateRequest("image_upscale", model, credits, new OutputSpec("png", width, height, 0), null);
    }

    public static CreateRequest? VideoUpscale(JsonElement body, ValidationContext ctx)
    {
        var model = ModelOf(body, ctx, Catalog.TaskModelsByEndpoint["video_upscale"]);
        if (model is null) return null;
        if (model == "enhance_frame_rate")
        {
            var r = Rules.Root(body, ctx, "videoUri", "targetFramerate");
            var video = r.Media("videoUri", true, MediaKind.Video);
            r.Enum("targetFramerate", true, TargetFramerates);
            if (ctx.Failed || video is null) return null;
            var seconds = video.DurationSeconds ?? UnknownVideoSeconds;
            return new CreateRequest("video_upscale", model, Rules.Credits(seconds * Prices.OfTask("enhance_frame_rate")),
                OutputSpec.Mp4("1280:720", seconds), null);
        }
        else
        {
            var r = Rules.Root(body, ctx, "videoUri", "creativity", "flavor", "fpsBoost", "resolution", "sharpen", "smartGrain");
            var video = r.Media("videoUri", true, MediaKind.Video);
            r.Number("creativity", false, 0, 100);
            r.Enum("flavor", false, VideoFlavors);
            r.Bool("fpsBoost");
            var resolution = r.Enum("resolution", false, UpscaleResolutions) ?? "2k";
            r.Number("sharpen", false, 0, 100);
            r.Number("smartGrain", false, 0, 100);
            if (ctx.Failed || video is null) return null;
            var seconds = video.DurationSeconds ?? UnknownVideoSeconds;
            var ratio = resolution switch { "720p" => "1280:720", "1k" => "1920:1080", "2k" => "2560:1440", _ => "3840:2160" };
            return new CreateRequest("video_upscale", model, Rules.Credits(seconds * Prices.OfTask($"{model}:{resolution}")),
                OutputSpec.Mp4(ratio, seconds), null);
        }
    }

    /// <summary>Ruby bills 20 credits per second of output (SDK comment); the source size is unknown here, so never the 40/s rate.</summary>
    public static CreateRequest? VideoToHdr(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "videoUri", "outputFormat", "proresProfile");
        var model = r.Enum("model", true, Catalog.TaskModelsByEndpoint["video_to_hdr"]);
        var video = r.Media("videoUri", true, MediaKind.Video);
        var format = r.Enum("outputFormat", false, HdrFormats) ?? (r.Has("outputFormat") ? null : "hdr10");
        var prores = r.Enum("proresProfile", false, ProresProfiles);
        if (prores is not null && format is not null && format != "hdr_prores")
            ctx.Add(["proresProfile"], "proresProfile is only valid when outputFormat is 'hdr_prores'");
        if (ctx.Failed || model is null || video is null || format is null) return null;
        var seconds = video.DurationSeconds ?? UnknownVideoSeconds;
        var outputs = OutputSpec.Video(format, (1280, 720), seconds, proresProfile: prores ?? "422 HQ");
        // An EXR zip is Ruby's whole delivery, with a provenance.json declaring the upconvert.
        if (outputs[0].Format == "zip") outputs = [outputs[0] with { Variant = outputs[0].Variant + Outputs.UpconvertSuffix }];
        return new CreateRequest("video_to_hdr", model, Rules.Credits(seconds * Prices.Public("ruby").Credits), outputs, null);
    }

    /// <summary>The body's model for a model-discriminated union, or null after recording an issue.</summary>
    public static string? ModelOf(JsonElement body, ValidationContext ctx, string[] models)
    {
        if (!body.TryGetProperty("model", out var m)) { ctx.Add(["model"], "Required"); return null; }
        if (m.ValueKind != JsonValueKind.String) { ctx.Add(["model"], $"Expected string, received {JsonTypes.Name(m)}"); return null; }
        var model = m.GetString()!;
        if (models.Contains(model)) return model;
        ctx.Add(["model"], $"Invalid enum value. Expected {string.Join(" | ", models.Select(JsonTypes.Quote))}, received {JsonTypes.Quote(model)}");
        return null;
    }
}
