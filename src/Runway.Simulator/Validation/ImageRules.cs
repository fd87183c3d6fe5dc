using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>text_to_image: every model with its own fields, as the SDK 4.20.1 declarations list them.</summary>
public static class ImageRules
{
    public static CreateRequest? TextToImage(string model, JsonElement body, ValidationContext ctx) => model switch
    {
        "gen4_image" or "gen4_image_turbo" => Gen4Image(model, body, ctx),
        "gemini_2.5_flash" => Gemini25Flash(body, ctx),
        "gpt_image_2" or "gpt_image_2_5_flare" or "gpt_image_2_5_sunburst" => GptImage(model, body, ctx),
        "gemini_image3.1_flash" or "gemini_image3_pro" => GeminiImage3(model, body, ctx),
        "muse_image" => MuseImage(body, ctx),
        "seedream5_pro" or "seedream5_lite" => Seedream(model, body, ctx),
        "grok_imagine_image_2" => GrokImagineImage(body, ctx),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    private static CreateRequest Images(string model, long credits, (int W, int H) size, int count, string? prompt, string format = "png", bool transparent = false) =>
        new("text_to_image", model, credits, Enumerable.Repeat(OutputSpec.Image(size, format, transparent), count).ToArray(), prompt);

    /// <summary>The pixel size of a ratio; the "auto" ratios get the simulator's choice (a square at the tier).</summary>
    private static (int W, int H) SizeOf(string ratio) => ratio switch
    {
        "auto" => (1920, 1920),
        "auto_1k" => (1024, 1024),
        "auto_2k" => (2048, 2048),
        _ => Catalog.ParseRatio(ratio),
    };

    private static int Count(ObjectReader r, int max = int.MaxValue) => (int?)r.Number("outputCount", false, 1, max, integer: true) ?? 1;

    private static CreateRequest? Gen4Image(string model, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "referenceImages", "seed", "contentModeration");
        var prompt = Fields.Prompt(r, true);
        var ratio = r.Enum("ratio", true, Catalog.Gen4ImageRatios);
        var turbo = model == "gen4_image_turbo";
        Fields.TaggedImages(r, turbo, turbo ? 1 : 0, 3);
        Fields.Seed(r);
        Fields.ContentModeration(r);
        if (ratio is null) return null;
        var (w, h) = Catalog.ParseRatio(ratio);
        var credits = Prices.PerImage(model, (w, h));
        return Images(model, credits, (w, h), 1, prompt);
    }

    private static CreateRequest? Gemini25Flash(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "referenceImages");
        var prompt = Fields.Prompt(r, true); // the declarations state no length; the original reference's 1000 stands
        var ratio = r.Enum("ratio", true, Catalog.GeminiRatios);
        Fields.TaggedImages(r, false, 0, 3);
        return ratio is null ? null : Images("gemini_2.5_flash", Prices.PerImage("gemini_2.5_flash", (0, 0)), Catalog.ParseRatio(ratio), 1, prompt);
    }

    private static CreateRequest? GptImage(string model, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "background", "outputCount", "quality", "referenceImages");
        var v2 = model == "gpt_image_2";
        var prompt = Fields.Prompt(r, true, v2 ? 32000 : Fields.Unbounded);
        var ratio = r.Enum("ratio", true, Catalog.GptImageRatios);
        var background = r.Enum("background", false, model == "gpt_image_2_5_flare" ? ["opaque", "auto"] : ["transparent", "opaque", "auto"]);
        var count = Count(r, 10);
        var quality = r.Enum("quality", false, v2 ? ["low", "medium", "high", "auto"] : ["low", "medium", "high", "xhigh", "max"]) ?? "high";
        Fields.TaggedImages(r, false, 0, 16);
        var references = CountOf(body, "referenceImages");
        if (ratio is null || ctx.Failed) return null;
        // gpt_image_2_5: "Each reference image adds 1 credit per generated image" (declarations).
        var perImage = Prices.Of(model).PerImageByQuality![quality] + (v2 ? 0 : references);
        return Images(model, Rules.Credits(perImage * count), SizeOf(ratio), count, prompt, transparent: background == "transparent");
    }

    private static CreateRequest? GeminiImage3(string model, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "outputCount", "referenceImages");
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        var ratio = r.Enum("ratio", true, model == "gemini_image3_pro" ? Catalog.GeminiImage3ProRatios : Catalog.GeminiImage31FlashRatios);
        var count = r.IntegerChoice("outputCount", false, 1, 4) ?? 1;
        var subjects = Fields.TaggedImages(r, false, 0, 14, subject: true);
        if (subjects.Count(s => s == "human") > 5) ctx.Add(["referenceImages"], "Up to five reference images may pass subject: \"human\"");
        if (subjects.Count(s => s == "object") > 9) ctx.Add(["referenceImages"], "Up to nine reference images may pass subject: \"object\"");
        if (ratio is null || ctx.Failed) return null;
        return Images(model, Rules.Credits(Prices.Of(model).PerImage * count), SizeOf(ratio), count, prompt);
    }

    private static CreateRequest? MuseImage(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "outputCount", "outputFormat", "referenceImages");
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        var ratio = r.Enum("ratio", true, Catalog.MuseImageRatios);
        var count = Count(r);
        var format = r.Enum("outputFormat", false, ["webp", "png", "jpeg"]) ?? "png";
        Fields.ImageReferences(r, "referenceImages", 10);
        if (ratio is null || ctx.Failed) return null;
        return Images("muse_image", Prices.PerImage("muse_image", (0, 0)) * count, SizeOf(ratio), count, prompt, format);
    }

    private static CreateRequest? Seedream(string model, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "grounding", "outputCount", "outputFormat", "referenceImages");
        var prompt = Fields.Prompt(r, true, 4000);
        var ratio = model == "seedream5_pro" ? r.Enum("ratio", true, Catalog.Seedream5ProRatios) : SeedreamLiteRatio(r);
        r.Bool("grounding");
        var count = Count(r);
        var format = r.Enum("outputFormat", false, ["png", "jpeg"]) ?? "png";
        Fields.ImageReferences(r, "referenceImages", int.MaxValue);
        if (ratio is null || ctx.Failed) return null;
        return Images(model, Rules.Credits(Prices.Of(model).PerImage * count), SizeOf(ratio), count, prompt, format);
    }

    /// <summary>seedream5_lite: a listed ratio, or a freeform "W:H" whose W*H is between 3686400 and 16777216 pixels.</summary>
    private static string? SeedreamLiteRatio(ObjectReader r)
    {
        if (r.String("ratio", true, 1, 32) is not { } ratio) return null;
        if (Catalog.Seedream5LiteRatios.Contains(ratio)) return ratio;
        var parts = ratio.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h) && w > 0 && h > 0)
        {
            var pixels = (long)w * h;
            if (pixels is >= 3686400 and <= 16777216) return $"{w}:{h}";
            r.Context.Add(r.PathOf("ratio"), $"A freeform size must have between 3686400 and 16777216 pixels, received {pixels}");
            return null;
        }
        r.Context.Add(r.PathOf("ratio"), $"Expected one of the listed ratios or a freeform '<width>:<height>', received {JsonTypes.Quote(ratio)}");
        return null;
    }

    private static CreateRequest? GrokImagineImage(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "edit", "outputCount", "quality", "referenceImages");
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        var ratio = r.Enum("ratio", true, Catalog.GrokImageRatios);
        var edit = r.Bool("edit");
        var count = Count(r);
        var quality = r.Enum("quality", false, ["low", "medium"]) ?? "medium";
        var references = Fields.ImageReferences(r, "referenceImages", 3);
        if (edit == true && references == 0 && !ctx.Issues.Any(i => i.Path.FirstOrDefault() is "referenceImages"))
            ctx.Add(["edit"], "edit requires at least one reference image");
        if (ratio is null || ctx.Failed) return null;
        var size = SizeOf(ratio);
        // Declared: 2K ratios cost 2 more credits per image, quality low 2 fewer, each reference image 1 more.
        var twoK = ratio == "auto_2k" || (long)size.W * size.H > 2_000_000;
        var perImage = Prices.Of("grok_imagine_image_2").PerImageByQuality![quality] + (twoK ? 2 : 0);
        return Images("grok_imagine_image_2", Rules.Credits(perImage * count + references), size, count, prompt);
    }

    private static int CountOf(JsonElement body, string key) =>
        body.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0;
}
