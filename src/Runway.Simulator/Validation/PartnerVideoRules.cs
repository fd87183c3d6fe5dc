using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>
/// The partner video models on image_to_video, text_to_video and video_to_video, one method per model family,
/// each listing its fields per input exactly as the SDK 4.20.1 declarations do. Where the declarations give a
/// duration no range, any positive number is accepted and the simulated price table supplies the default.
/// </summary>
public static class PartnerVideoRules
{
    private static readonly (int, int) DefaultSize = (1280, 720);

    public static CreateRequest? Create(string endpoint, VideoInput input, string model, JsonElement body, ValidationContext ctx) => model switch
    {
        "veo3.1" or "veo3.1_fast" => Veo31(endpoint, input, model, body, ctx),
        "hailuo3" => Hailuo3(endpoint, input, body, ctx),
        "happyhorse_1_0" => HappyHorse(endpoint, input, body, ctx),
        "seedance2" or "seedance2_fast" or "seedance2_mini" or "seedance2_5" => Seedance(endpoint, input, model, body, ctx),
        "gemini_omni_flash" => GeminiOmniFlash(endpoint, input, body, ctx),
        "gemini_omni_flash_1.1" => GeminiOmniFlash11(endpoint, input, body, ctx),
        "grok_imagine_1_5" => GrokImagine(endpoint, input, body, ctx),
        "wan3" or "wan3_prime" => Wan3(endpoint, input, model, body, ctx),
        "h3_max" => H3Max(endpoint, input, body, ctx),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    private static ObjectReader Root(JsonElement body, ValidationContext ctx, VideoInput input, string[] common,
        string[]? image = null, string[]? text = null, string[]? video = null) => input switch
    {
        VideoInput.Image => Rules.Root(body, ctx, [.. common, .. image ?? []]),
        VideoInput.Text => Rules.Root(body, ctx, [.. common, .. text ?? []]),
        _ => Rules.Root(body, ctx, [.. common, .. video ?? []]),
    };

    /// <summary>The request for a simulated-price model: a number of seconds, or "auto" billed at the maximum up front.</summary>
    private static CreateRequest Priced(string endpoint, string model, (int W, int H) size, double? seconds, bool auto, string? prompt)
    {
        var price = Prices.Of(model);
        var actual = seconds ?? price.DefaultSeconds;
        var credits = Prices.SimulatedVideo(model, auto ? price.AutoMaxSeconds : actual);
        long? final = auto ? Prices.SimulatedVideo(model, actual) : null;
        return new CreateRequest(endpoint, model, credits, OutputSpec.Video("mp4", size, actual), prompt, final);
    }

    private static (int, int) SizeOfRatio(string? ratio) => ratio is null || ratio.StartsWith("auto", StringComparison.Ordinal)
        ? ratio is null ? DefaultSize : Catalog.SizeOf("16:9", Catalog.ShortSide(ratio))
        : Catalog.ParseRatio(ratio);

    private static CreateRequest? Veo31(string endpoint, VideoInput input, string model, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "ratio", "audio", "duration", "negativePrompt", "seed"], image: ["promptImage"]);
        if (input == VideoInput.Image) Fields.Frames(r, allowLast: true);
        var prompt = Fields.Prompt(r, input == VideoInput.Text);
        var ratio = r.Enum("ratio", true, Catalog.VeoRatios);
        var duration = r.IntegerChoice("duration", false, 4, 6, 8) ?? 8;
        var audio = r.Bool("audio") ?? true;
        r.String("negativePrompt", false, 1, Fields.Unbounded);
        Fields.Seed(r);
        var perSecond = Prices.Public(model).PerSecond(audio);
        return ratio is null ? null : new CreateRequest(endpoint, model, (long)perSecond * duration, OutputSpec.Mp4(ratio, duration), prompt);
    }

    private static CreateRequest? Hailuo3(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "duration", "ratio", "referenceAudio", "resolution"],
            image: ["promptImage"], text: ["references", "referenceVideos"], video: ["promptVideo", "references", "referenceVideos"]);
        if (input == VideoInput.Image) Fields.FramesOrReferences(r);
        if (input == VideoInput.Video) r.Media("promptVideo", true, MediaKind.Video);
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        var seconds = Fields.Seconds(r);
        var aspect = r.Enum("ratio", false, Catalog.HailuoAspects);
        Fields.TypedReferences(r, "referenceAudio", "audio", MediaKind.Audio, 15);
        var references = 0;
        if (input != VideoInput.Image)
        {
            references += Fields.ImageReferences(r, "references", 9);
            references += Fields.TypedReferences(r, "referenceVideos", "video", MediaKind.Video, 15).Count;
        }
        var resolution = r.Enum("resolution", false, Catalog.HailuoResolutions) ?? "768p";
        if (aspect == "adaptive" && input == VideoInput.Text && references == 0)
            ctx.Add(["ratio"], "'adaptive' needs image or video references; text-only requests require a concrete ratio");
        var size = Catalog.SizeOf(aspect is null or "adaptive" ? "16:9" : aspect, Catalog.ShortSide(resolution));
        return ctx.Failed ? null : Priced(endpoint, "hailuo3", size, seconds, false, prompt);
    }

    private static CreateRequest? HappyHorse(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "duration"], image: ["promptImage", "resolution"], text: ["ratio"]);
        (int, int) size;
        string? prompt;
        if (input == VideoInput.Image)
        {
            Fields.Frames(r, allowLast: false);
            prompt = Fields.Prompt(r, false, 2500, min: 0); // "A string up to 2500 characters": not said to be non-empty
            size = Catalog.SizeOf("16:9", Catalog.ShortSide(r.Enum("resolution", false, Catalog.HappyHorseResolutions) ?? "1080p"));
        }
        else
        {
            prompt = Fields.Prompt(r, true, 2500);
            size = SizeOfRatio(r.Enum("ratio", false, Catalog.HappyHorseRatios));
        }
        var seconds = Fields.Seconds(r);
        return ctx.Failed ? null : Priced(endpoint, "happyhorse_1_0", size, seconds, false, prompt);
    }

    private static CreateRequest? Seedance(string endpoint, VideoInput input, string model, JsonElement body, ValidationContext ctx)
    {
        var v25 = model == "seedance2_5";
        string[] videoKeys = v25 ? ["promptVideo", "references", "referenceVideos", "mode"] : ["promptVideo", "references", "referenceVideos"];
        var r = Root(body, ctx, input, ["audio", "duration", "promptText", "ratio", "referenceAudio", "seed"],
            image: ["promptImage"], text: ["references", "referenceVideos"], video: videoKeys);
        if (input == VideoInput.Image) Fields.FramesOrReferences(r);
        if (input == VideoInput.Video) r.Media("promptVideo", true, MediaKind.Video);
        var mode = input == VideoInput.Video && v25 ? r.Enum("mode", false, ["reference", "extend", "edit"]) ?? "reference" : "reference";
        r.Bool("audio");
        var (seconds, auto) = Fields.DurationOrAuto(r);
        var prompt = Fields.Prompt(r, input == VideoInput.Text && !v25, v25 ? 15000 : 3500);
        var ratio = r.Enum("ratio", false, v25 ? Catalog.Seedance25Ratios : model == "seedance2" ? Catalog.Seedance2Ratios : Catalog.Seedance2FastRatios);
        // seedance2_5's audio cap reads "must not exceed 30" on image_to_video and "must be less than 30" elsewhere.
        Fields.TypedReferences(r, "referenceAudio", "audio", MediaKind.Audio, v25 ? 30 : 15, strictlyLess: v25 && input != VideoInput.Image);
        if (input != VideoInput.Image)
        {
            Fields.ImageReferences(r, "references", v25 ? 30 : 9);
            Fields.TypedReferences(r, "referenceVideos", "video", MediaKind.Video, v25 ? 30 : 15);
        }
        Fields.Seed(r);
        if (mode is "extend" or "edit")
        {
            if (prompt is null && !r.Has("promptText")) ctx.Add(["promptText"], $"Required when mode is '{mode}'");
            if (r.Has("ratio")) ctx.Add(["ratio"], $"ratio may not be provided when mode is '{mode}'");
            if (mode == "edit" && !auto && !ctx.Issues.Any(i => i.Path.SequenceEqual(["duration"])))
                ctx.Add(["duration"], "mode 'edit' requires duration: \"auto\"");
        }
        return ctx.Failed ? null : Priced(endpoint, model, SizeOfRatio(ratio), seconds, auto, prompt);
    }

    private static CreateRequest? GeminiOmniFlash(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText"], image: ["promptImage", "duration", "ratio"], text: ["duration", "ratio"], video: ["videoUri", "references"]);
        double? seconds = null;
        string? ratio = null;
        if (input == VideoInput.Video)
        {
            var video = r.Media("videoUri", true, MediaKind.Video);
            Fields.ImageReferences(r, "references", int.MaxValue);
            seconds = video?.DurationSeconds ?? VideoRules.CountedInputSeconds;
        }
        else
        {
            if (input == VideoInput.Image) Fields.Frames(r, allowLast: false);
            seconds = Fields.IntDuration(r, false, 3, 10);
            ratio = r.Enum("ratio", false, Catalog.GeminiOmniRatios);
        }
        var prompt = Fields.Prompt(r, input != VideoInput.Image, Fields.Unbounded);
        return ctx.Failed ? null : Priced(endpoint, "gemini_omni_flash", SizeOfRatio(ratio), seconds, false, prompt);
    }

    private static CreateRequest? GeminiOmniFlash11(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "duration", "ratio"],
            image: ["promptImage"], text: ["references", "referenceVideos"], video: ["videoUri", "mode", "references"]);
        if (input == VideoInput.Image) Fields.Frames(r, allowLast: true);
        if (input == VideoInput.Video)
        {
            r.Media("videoUri", true, MediaKind.Video);
            r.Enum("mode", false, ["reference", "extend", "edit"]);
        }
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        // "Numeric durations must be between 3 and 10 seconds" is said on image_to_video and text_to_video only.
        var (seconds, auto) = input == VideoInput.Video ? Fields.DurationOrAuto(r) : Fields.DurationOrAuto(r, 3, 10);
        var ratio = r.Enum("ratio", false, Catalog.GeminiOmni11Ratios);
        if (input != VideoInput.Image) Fields.ImageReferences(r, "references", int.MaxValue);
        if (input == VideoInput.Text) Fields.TypedReferences(r, "referenceVideos", null, MediaKind.Video);
        return ctx.Failed ? null : Priced(endpoint, "gemini_omni_flash_1.1", SizeOfRatio(ratio), seconds, auto, prompt);
    }

    private static CreateRequest? GrokImagine(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "duration", "resolution"], image: ["promptImage"], text: ["ratio", "referenceAudio", "references"]);
        if (input == VideoInput.Image) Fields.Frames(r, allowLast: false);
        var prompt = Fields.Prompt(r, input == VideoInput.Text, Fields.Unbounded);
        var seconds = Fields.Seconds(r);
        var resolution = r.Enum("resolution", false, Catalog.GrokResolutions) ?? "720p";
        var aspect = "16:9";
        if (input == VideoInput.Text)
        {
            aspect = r.Enum("ratio", false, Catalog.GrokVideoAspects) ?? aspect;
            var audio = Fields.TypedReferences(r, "referenceAudio", "audio", MediaKind.Audio);
            for (var i = 0; i < audio.Count; i++)
                if (audio[i]?.DurationSeconds is { } d && (d < 3 || d > 15))
                    ctx.Add(["referenceAudio", i, "uri"], $"Each audio clip must last between 3 and 15 seconds, received {d:0.###} seconds");
            var images = Fields.ImageReferences(r, "references", int.MaxValue);
            if (audio.Count > 0 && images == 0) ctx.Add(["referenceAudio"], "Audio references require at least one image reference");
            if (images > 0 && resolution == "1080p") ctx.Add(["resolution"], "Requests with image references are capped at 720p");
        }
        return ctx.Failed ? null : Priced(endpoint, "grok_imagine_1_5", Catalog.SizeOf(aspect, Catalog.ShortSide(resolution)), seconds, false, prompt);
    }

    private static CreateRequest? Wan3(string endpoint, VideoInput input, string model, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "audio", "duration", "ratio", "referenceAudio", "referenceVideos"],
            image: ["promptImage"], text: ["references"]);
        var mode = input == VideoInput.Image ? Fields.FramesOrReferences(r) : ImageMode.None;
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        r.Bool("audio");
        var seconds = Fields.Seconds(r);
        var ratio = r.Enum("ratio", false, Catalog.WanRatios);
        Fields.TypedReferences(r, "referenceAudio", "audio", MediaKind.Audio, 15);
        Fields.TypedReferences(r, "referenceVideos", "video", MediaKind.Video, 15);
        if (input == VideoInput.Text) Fields.ImageReferences(r, "references", 10);
        if (mode == ImageMode.Keyframes && ratio is not null && !ratio.StartsWith("auto_", StringComparison.Ordinal))
            ctx.Add(["ratio"], "Keyframe image-to-video requests must use auto_480p, auto_720p or auto_1080p");
        return ctx.Failed ? null : Priced(endpoint, model, SizeOfRatio(ratio), seconds, false, prompt);
    }

    private static CreateRequest? H3Max(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        var r = Root(body, ctx, input, ["promptText", "duration", "promptExpansionMode", "resolution", "seed"], image: ["promptImage"]);
        if (input == VideoInput.Image)
        {
            Fields.Frames(r, allowLast: true);
            MinimumImageSide(r, 256);
        }
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        var seconds = Fields.Seconds(r);
        r.Enum("promptExpansionMode", false, ["disabled", "balanced", "quality"]);
        var resolution = r.Enum("resolution", false, Catalog.H3Resolutions) ?? "768p";
        Fields.Seed(r);
        return ctx.Failed ? null : Priced(endpoint, "h3_max", Catalog.SizeOf("16:9", Catalog.ShortSide(resolution)), seconds, false, prompt);
    }

    /// <summary>"Each image must be at least N pixels on both sides", checked where the image's size is readable.</summary>
    private static void MinimumImageSide(ObjectReader r, int min)
    {
        foreach (var (info, path) in r.Context.Resolved.Where(x => x.Path.Length > 0 && Equals(x.Path[0], "promptImage")).ToArray())
            if (info.Width is { } w && info.Height is { } h && (w < min || h < min))
                r.Context.Add(path, $"Each image must be at least {min} pixels on both sides, received {w}x{h}");
    }
}
