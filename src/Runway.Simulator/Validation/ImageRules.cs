using System.Text.Json;
using System.Text.RegularExpressions;

namespace Runway.Simulator.Validation;

/// <summary>text_to_image: gen4_image, gen4_image_turbo, gemini_2.5_flash.</summary>
public static partial class ImageRules
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{2,15}$")]
    private static partial Regex TagPattern();

    public static CreateRequest? TextToImage(string model, JsonElement body, ValidationContext ctx)
    {
        var gemini = model == "gemini_2.5_flash";
        var r = gemini
            ? Rules.Root(body, ctx, "promptText", "ratio", "referenceImages", "contentModeration")
            : Rules.Root(body, ctx, "promptText", "ratio", "referenceImages", "seed", "contentModeration");
        var prompt = r.String("promptText", true);
        var ratio = r.Enum("ratio", true, gemini ? Catalog.GeminiRatios : Catalog.Gen4ImageRatios);
        var turbo = model == "gen4_image_turbo";
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in r.Array("referenceImages", turbo, turbo ? 1 : 0, 3) ?? [])
        {
            var image = ObjectReader.Element(item, path, ctx, "uri", "tag");
            if (image is null) continue;
            image.Media("uri", true, MediaKind.Image);
            if (image.String("tag", false, 3, 16) is not { } tag) continue;
            if (!TagPattern().IsMatch(tag))
                ctx.Add(image.PathOf("tag"), "Tag must start with a letter and contain only letters, digits and underscores");
            else if (!tags.Add(tag))
                ctx.Add(image.PathOf("tag"), $"Duplicate tag '{tag}'");
        }
        if (!gemini) Rules.Seed(r);
        Rules.ContentModeration(r);
        if (ratio is null) return null;
        var (w, h) = Catalog.ParseRatio(ratio);
        long credits = model switch
        {
            "gen4_image" => Math.Min(w, h) <= 720 ? 5 : 8,
            "gen4_image_turbo" => 2,
            _ => 5,
        };
        return new CreateRequest("text_to_image", model, credits, OutputSpec.Png(ratio), prompt);
    }
}
