using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>What a video request starts from: an image (image_to_video), text, or a video (video_to_video).</summary>
public enum VideoInput { Image, Text, Video }

/// <summary>
/// image_to_video, text_to_video, video_to_video and character_performance: the dispatch, and Runway's own
/// models (gen4.5, gen4_turbo, aleph2, act_two). The partner models are in <see cref="PartnerVideoRules"/>.
/// </summary>
public static class VideoRules
{
    /// <summary>Input videos are not decoded beyond an MP4 header; an unreadable one counts as 5 seconds.</summary>
    public const double CountedInputSeconds = 5;

    /// <summary>A promptText holding this marker gives a gen4.5 frame-sequence output audio (and so a separate .wav).</summary>
    public const string AudioMarker = "[audio]";

    public static CreateRequest? Create(string endpoint, string model, JsonElement body, ValidationContext ctx)
    {
        var input = endpoint switch
        {
            "image_to_video" => VideoInput.Image,
            "text_to_video" => VideoInput.Text,
            _ => VideoInput.Video,
        };
        return model switch
        {
            "gen4.5" => Gen45(endpoint, input, body, ctx),
            "gen4_turbo" => Gen4Turbo(body, ctx),
            "aleph2" => Aleph2(body, ctx),
            _ => PartnerVideoRules.Create(endpoint, input, model, body, ctx),
        };
    }

    private static CreateRequest? Gen45(string endpoint, VideoInput input, JsonElement body, ValidationContext ctx)
    {
        string[] keys = ["duration", "promptText", "ratio", "contentModeration", "outputFormat", "proresProfile", "seed"];
        var r = input == VideoInput.Image ? Rules.Root(body, ctx, ["promptImage", .. keys]) : Rules.Root(body, ctx, keys);
        if (input == VideoInput.Image) Fields.Frames(r, allowLast: false);
        var prompt = Fields.Prompt(r, true);
        var ratio = r.Enum("ratio", true, input == VideoInput.Image ? Catalog.Gen45ImageRatios : Catalog.Gen45TextRatios);
        var duration = Fields.IntDuration(r, true, 2, 10);
        Fields.ContentModeration(r);
        var (format, profile) = Fields.OutputFormat(r, Catalog.Gen45OutputFormats, ["prores", "hdr_prores"]);
        Fields.Seed(r);
        if (ratio is null || duration is not { } seconds) return null;
        var size = Catalog.ParseRatio(ratio);
        var credits = (long)(Prices.Public("gen4.5").Credits + Prices.FormatSurchargePerSecond(format, size)) * seconds;
        var hasAudio = prompt?.Contains(AudioMarker, StringComparison.Ordinal) == true;
        return new CreateRequest(endpoint, "gen4.5", credits, OutputSpec.Video(format, size, seconds, hasAudio, profile), prompt);
    }

    private static CreateRequest? Gen4Turbo(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptImage", "promptText", "ratio", "duration", "seed", "contentModeration");
        Fields.Frames(r, allowLast: false);
        var prompt = Fields.Prompt(r, false);
        var ratio = r.Enum("ratio", true, Catalog.Gen4TurboRatios);
        var duration = Fields.IntDuration(r, false, 2, 10) ?? 10;
        Fields.Seed(r);
        Fields.ContentModeration(r);
        return ratio is null ? null : new CreateRequest("image_to_video", "gen4_turbo", (long)Prices.Public("gen4_turbo").Credits * duration, OutputSpec.Mp4(ratio, duration), prompt);
    }

    /// <summary>aleph2: a video edited with text, timed keyframe images, an optional outpaint aspect and output format.</summary>
    private static CreateRequest? Aleph2(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "videoUri", "contentModeration", "keyframes", "outputFormat", "promptText", "proresProfile", "ratio", "seed", "targetAspectRatio");
        var video = r.Media("videoUri", true, MediaKind.Video);
        Fields.ContentModeration(r);
        var inputSeconds = video?.DurationSeconds;
        Keyframes(r, inputSeconds);
        var (format, profile) = Fields.OutputFormat(r, Catalog.Aleph2OutputFormats, ["prores"]);
        var prompt = Fields.Prompt(r, false, Fields.Unbounded);
        r.String("ratio", false, 1, 64); // deprecated in the declarations, still a string
        Fields.Seed(r);
        var aspect = r.Enum("targetAspectRatio", false, Catalog.AlephTargetAspects);
        if (ctx.Failed) return null;
        var seconds = inputSeconds ?? CountedInputSeconds;
        var size = aspect is null ? (1280, 720) : Catalog.SizeOf(aspect, 720);
        var credits = Rules.Credits((Prices.Of("aleph2").PerSecond + Prices.FormatSurchargePerSecond(format, size)) * seconds);
        return new CreateRequest("video_to_video", "aleph2", credits, OutputSpec.Video(format, size, seconds, proresProfile: profile), prompt);
    }

    /// <summary>
    /// aleph2 keyframes (up to 5): <c>{seconds, uri, range?}</c> or <c>{at, uri, range?}</c> with at in [0, 1].
    /// A range is whole seconds, end exclusive, and must contain the keyframe; all keyframes set one or none does.
    /// </summary>
    private static void Keyframes(ObjectReader r, double? videoSeconds)
    {
        var items = r.Array("keyframes", false, 0, 5);
        if (items is null) return;
        var withRange = 0;
        foreach (var (item, path) in items)
        {
            var fraction = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("at", out _) && !item.TryGetProperty("seconds", out _);
            var k = fraction
                ? ObjectReader.Element(item, path, r.Context, "at", "uri", "range")
                : ObjectReader.Element(item, path, r.Context, "seconds", "uri", "range");
            if (k is null) continue;
            k.Media("uri", true, MediaKind.Image);
            double? at = fraction ? k.Number("at", true, 0, 1) * videoSeconds : k.Number("seconds", true, 0, double.MaxValue);
            if (!fraction && at is { } s && videoSeconds is { } total && s > total)
                r.Context.Add(k.PathOf("seconds"), $"The keyframe is at {s:0.###} s but the input video lasts {total:0.###} s");
            var range = k.Object("range", false, "start_seconds", "end_seconds");
            if (range is null) continue;
            withRange++;
            var start = range.Number("start_seconds", true, 0, double.MaxValue, integer: true);
            var end = range.Number("end_seconds", true, 0, double.MaxValue, integer: true);
            if (start is null || end is null) continue;
            if (end <= start) r.Context.Add(range.PathOf("end_seconds"), "end_seconds must be greater than start_seconds");
            else if (at is { } t && (t < start || t >= end))
                r.Context.Add(k.PathOf(fraction ? "at" : "seconds"), $"The keyframe timestamp must fall within its range [{start}, {end})");
        }
        if (withRange > 0 && withRange < items.Count)
            r.Context.Add(r.PathOf("keyframes"), "All keyframes must either set a range or none may");
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
        Fields.Seed(r);
        Fields.ContentModeration(r);
        return new CreateRequest("character_performance", "act_two", (long)(Prices.Public("act_two").Credits * CountedInputSeconds), OutputSpec.Mp4(ratio, CountedInputSeconds), null);
    }
}
