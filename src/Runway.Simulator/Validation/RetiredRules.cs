using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>
/// gen4_aleph (replaced by aleph2) and veo3 (not in the Node SDK 4.20.1): the API no longer serves them and the
/// simulator rejects them like any unknown model, unless the setting AcceptRetiredModels brings back their old
/// rules (for clients that have not moved on yet).
/// </summary>
public static class RetiredRules
{
    public static bool Serves(string endpoint, string model) => (endpoint, model) switch
    {
        ("video_to_video", "gen4_aleph") => true,
        ("image_to_video" or "text_to_video", "veo3") => true,
        _ => false,
    };

    public static CreateRequest? Validate(string endpoint, string model, JsonElement body, ValidationContext ctx) =>
        model == "gen4_aleph" ? Gen4Aleph(body, ctx) : Veo3(endpoint, body, ctx);

    private static CreateRequest? Veo3(string endpoint, JsonElement body, ValidationContext ctx)
    {
        var image = endpoint == "image_to_video";
        var r = image
            ? Rules.Root(body, ctx, "promptImage", "promptText", "ratio", "duration", "seed", "contentModeration")
            : Rules.Root(body, ctx, "promptText", "ratio", "duration", "seed", "contentModeration");
        if (image) Fields.Frames(r, allowLast: false);
        var prompt = Fields.Prompt(r, !image);
        var ratio = r.Enum("ratio", true, Catalog.VeoRatios);
        var duration = r.IntegerChoice("duration", false, 8) ?? 8;
        Fields.Seed(r);
        Fields.ContentModeration(r);
        return ratio is null ? null : new CreateRequest(endpoint, "veo3", (long)Prices.Public("veo3").Credits * duration, OutputSpec.Mp4(ratio, duration), prompt);
    }

    private static CreateRequest? Gen4Aleph(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "videoUri", "promptText", "ratio", "references", "seed", "contentModeration");
        r.Media("videoUri", true, MediaKind.Video);
        var prompt = Fields.Prompt(r, true);
        var ratio = r.Enum("ratio", false, Catalog.AlephRatios) ?? "1280:720";
        foreach (var (item, path) in r.Array("references", false, 0, 1) ?? [])
        {
            var reference = ObjectReader.Element(item, path, ctx, "type", "uri");
            reference?.Enum("type", true, ["image"]);
            reference?.Media("uri", true, MediaKind.Image);
        }
        Fields.Seed(r);
        Fields.ContentModeration(r);
        const double seconds = VideoRules.CountedInputSeconds;
        return new CreateRequest("video_to_video", "gen4_aleph", (long)(Prices.Public("gen4_aleph").Credits * seconds), OutputSpec.Mp4(ratio, seconds), prompt);
    }
}
