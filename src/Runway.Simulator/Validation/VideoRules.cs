using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>image_to_video, text_to_video, video_to_video and character_performance.</summary>
public static class VideoRules
{
    /// <summary>Input videos are not decoded; the spec counts them as 5 seconds.</summary>
    private const double CountedInputSeconds = 5;

    public static CreateRequest? ImageToVideo(string model, JsonElement body, ValidationContext ctx)
    {
        switch (model)
        {
            case "gen4_turbo":
            {
                var r = Rules.Root(body, ctx, "promptImage", "promptText", "ratio", "duration", "seed", "contentModeration");
                PromptImage(r, allowLast: false);
                var prompt = r.String("promptText", false);
                var ratio = r.Enum("ratio", true, Catalog.Gen4TurboRatios);
                var duration = (int?)r.Number("duration", false, 2, 10, integer: true) ?? 10;
                Rules.Seed(r);
                Rules.ContentModeration(r);
                return ratio is null ? null : new CreateRequest("image_to_video", model, 5L * duration, OutputSpec.Mp4(ratio, duration), prompt);
            }
            case "veo3":
            {
                var r = Rules.Root(body, ctx, "promptImage", "promptText", "ratio", "duration", "seed", "contentModeration");
                PromptImage(r, allowLast: false);
                var prompt = r.String("promptText", false);
                var ratio = r.Enum("ratio", true, Catalog.VeoRatios);
                var duration = r.IntegerChoice("duration", false, 8) ?? 8;
                Rules.Seed(r);
                Rules.ContentModeration(r);
                return ratio is null ? null : new CreateRequest("image_to_video", model, 40L * duration, OutputSpec.Mp4(ratio, duration), prompt);
            }
            default: // veo3.1, veo3.1_fast
            {
                var r = Rules.Root(body, ctx, "promptImage", "promptText", "ratio", "duration", "audio", "negativePrompt", "seed", "contentModeration");
                PromptImage(r, allowLast: true);
                var prompt = r.String("promptText", false);
                return Veo31(model, "image_to_video", r, prompt);
            }
        }
    }

    public static CreateRequest? TextToVideo(string model, JsonElement body, ValidationContext ctx)
    {
        if (model == "veo3")
        {
            var r = Rules.Root(body, ctx, "promptText", "ratio", "duration", "seed", "contentModeration");
            var prompt = r.String("promptText", true);
            var ratio = r.Enum("ratio", true, Catalog.VeoRatios);
            var duration = r.IntegerChoice("duration", false, 8) ?? 8;
            Rules.Seed(r);
            Rules.ContentModeration(r);
            return ratio is null ? null : new CreateRequest("text_to_video", model, 40L * duration, OutputSpec.Mp4(ratio, duration), prompt);
        }
        var r31 = Rules.Root(body, ctx, "promptText", "ratio", "duration", "audio", "negativePrompt", "seed", "contentModeration");
        var prompt31 = r31.String("promptText", true);
        return Veo31(model, "text_to_video", r31, prompt31);
    }

    /// <summary>The fields veo3.1 and veo3.1_fast share on both endpoints.</summary>
    private static CreateRequest? Veo31(string model, string endpoint, ObjectReader r, string? prompt)
    {
        var ratio = r.Enum("ratio", true, Catalog.VeoRatios);
        var duration = r.IntegerChoice("duration", false, 4, 6, 8) ?? 8;
        var audio = r.Bool("audio") ?? true;
        r.String("negativePrompt", false);
        Rules.Seed(r);
        Rules.ContentModeration(r);
        var perSecond = model == "veo3.1" ? (audio ? 40 : 20) : (audio ? 15 : 10);
        return ratio is null ? null : new CreateRequest(endpoint, model, (long)perSecond * duration, OutputSpec.Mp4(ratio, duration), prompt);
    }

    /// <summary>
    /// promptImage: an image string, or an array of {uri, position}. With allowLast, positions are "first"/"last",
    /// at most one of each, and "last" needs a "first"; otherwise exactly one "first".
    /// </summary>
    private static void PromptImage(ObjectReader r, bool allowLast)
    {
        if (r.Get("promptImage", true, "string or array") is not { } v) return;
        if (v.ValueKind == JsonValueKind.String)
        {
            r.Context.Media(v, r.PathOf("promptImage"), MediaKind.Image);
            return;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            r.Context.Add(r.PathOf("promptImage"), $"Expected string or array, received {JsonTypes.Name(v)}");
            return;
        }
        var items = r.Array("promptImage", true, 1, allowLast ? 2 : 1);
        if (items is null) return;
        string[] positions = allowLast ? ["first", "last"] : ["first"];
        var seen = new List<string>();
        foreach (var (item, path) in items)
        {
            var element = ObjectReader.Element(item, path, r.Context, "uri", "position");
            if (element is null) continue;
            element.Media("uri", true, MediaKind.Image);
            var position = element.Enum("position", true, positions);
            if (position is null) continue;
            if (seen.Contains(position)) r.Context.Add(element.PathOf("position"), $"Only one promptImage may have position '{position}'");
            seen.Add(position);
        }
        if (seen.Contains("last") && !seen.Contains("first"))
            r.Context.Add(r.PathOf("promptImage"), "A 'last' frame requires a 'first' frame");
    }

    public static CreateRequest? VideoToVideo(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "videoUri", "promptText", "ratio", "references", "seed", "contentModeration");
        r.Media("videoUri", true, MediaKind.Video);
        var prompt = r.String("promptText", true);
        var ratio = r.Enum("ratio", false, Catalog.AlephRatios) ?? "1280:720";
        foreach (var (item, path) in r.Array("references", false, 0, 1) ?? [])
        {
            var reference = ObjectReader.Element(item, path, ctx, "type", "uri");
            reference?.Enum("type", true, ["image"]);
            reference?.Media("uri", true, MediaKind.Image);
        }
        Rules.Seed(r);
        Rules.ContentModeration(r);
        return new CreateRequest("video_to_video", "gen4_aleph", (long)(15 * CountedInputSeconds), OutputSpec.Mp4(ratio, CountedInputSeconds), prompt);
    }

    public static CreateRequest? CharacterPerformance(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "character", "reference", "ratio", "bodyControl", "expressionIntensity", "seed", "contentModeration");
        var character = r.Object("character", true, "type", "uri");
        if (character?.Enum("type", true, ["image", "video"]) is { } type)
            character.Media("uri", true, type == "image" ? MediaKind.Image : MediaKind.Video);
        else
            character?.Get("uri", true, "string");
        var reference = r.Object("reference", true, "type", "uri");
        reference?.Enum("type", true, ["video"]);
        reference?.Media("uri", true, MediaKind.Video);
        var ratio = r.Enum("ratio", false, Catalog.ActTwoRatios) ?? "1280:720";
        r.Bool("bodyControl");
        r.Number("expressionIntensity", false, 1, 5, integer: true);
        Rules.Seed(r);
        Rules.ContentModeration(r);
        return new CreateRequest("character_performance", "act_two", (long)(5 * CountedInputSeconds), OutputSpec.Mp4(ratio, CountedInputSeconds), null);
    }
}
