using System.Text.Json;
using System.Text.RegularExpressions;

namespace Runway.Simulator.Validation;

/// <summary>How the images of a promptImage array are used: as first/last frames, or as reference images.</summary>
public enum ImageMode { None, Single, Keyframes, References }

/// <summary>The field shapes many models share: prompts, seeds, moderation, frames, references, durations.</summary>
public static partial class Fields
{
    /// <summary>No length cap: the declarations state none (the 32 MB body cap still applies).</summary>
    public const int Unbounded = int.MaxValue;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{2,15}$")]
    private static partial Regex TagPattern();

    public static string? Prompt(ObjectReader r, bool required, int max = 1000, int min = 1) =>
        r.String("promptText", required, min, max);

    public static void Seed(ObjectReader r) => r.Number("seed", false, 0, 4294967295, integer: true);

    public static void ContentModeration(ObjectReader r) =>
        r.Object("contentModeration", false, "publicFigureThreshold")?.Enum("publicFigureThreshold", false, ["auto", "low"]);

    /// <summary>An integer duration within [min, max] (the declarations' "integer from 2 to 10" style).</summary>
    public static int? IntDuration(ObjectReader r, bool required, int min, int max) =>
        (int?)r.Number("duration", required, min, max, integer: true);

    /// <summary>A duration the declarations type as a bare number: any positive number is accepted.</summary>
    public static double? Seconds(ObjectReader r) => Positive(r, "duration");

    /// <summary>A number that must be greater than 0 (the declarations give no other bound).</summary>
    public static double? Positive(ObjectReader r, string key)
    {
        if (r.Number(key, false, double.MinValue, double.MaxValue) is not { } d) return null;
        if (d > 0) return d;
        r.Context.Add(r.PathOf(key), "Number must be greater than 0");
        return null;
    }

    /// <summary><c>duration: number | 'auto'</c>; the number within [min, max]. Returns (seconds, auto).</summary>
    public static (double? Seconds, bool Auto) DurationOrAuto(ObjectReader r, double? min = null, double max = double.MaxValue, bool integer = false)
    {
        if (r.Get("duration", false, "number or 'auto'") is not { } v) return (null, false);
        if (v.ValueKind == JsonValueKind.String)
        {
            if (v.GetString() == "auto") return (null, true);
            r.Context.Add(r.PathOf("duration"), $"Invalid literal value, expected 'auto', received {JsonTypes.Quote(v.GetString()!)}");
            return (null, false);
        }
        if (v.ValueKind != JsonValueKind.Number)
        {
            r.Context.Add(r.PathOf("duration"), $"Expected number or 'auto', received {JsonTypes.Name(v)}");
            return (null, false);
        }
        return (min is { } low ? r.Number("duration", false, low, max, integer) : Positive(r, "duration"), false);
    }

    /// <summary>promptImage: an image string, or [{uri, position}] with the given positions (at most one of each).</summary>
    public static int Frames(ObjectReader r, bool allowLast)
    {
        if (r.Get("promptImage", true, "string or array") is not { } v) return 0;
        if (v.ValueKind == JsonValueKind.String)
        {
            r.Context.Media(v, r.PathOf("promptImage"), MediaKind.Image);
            return 1;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            r.Context.Add(r.PathOf("promptImage"), $"Expected string or array, received {JsonTypes.Name(v)}");
            return 0;
        }
        var items = r.Array("promptImage", true, 1, allowLast ? 2 : 1);
        if (items is null) return 0;
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
        return items.Count;
    }

    /// <summary>
    /// promptImage for models with two modes: elements with position first/last are keyframes, elements
    /// without a position are reference images; "The two modes cannot be mixed."
    /// </summary>
    public static ImageMode FramesOrReferences(ObjectReader r)
    {
        if (r.Get("promptImage", true, "string or array") is not { } v) return ImageMode.None;
        if (v.ValueKind == JsonValueKind.String)
        {
            // A plain string names no position: the declarations do not say which mode it is.
            r.Context.Media(v, r.PathOf("promptImage"), MediaKind.Image);
            return ImageMode.Single;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            r.Context.Add(r.PathOf("promptImage"), $"Expected string or array, received {JsonTypes.Name(v)}");
            return ImageMode.None;
        }
        var items = r.Array("promptImage", true, 1, int.MaxValue);
        if (items is null) return ImageMode.None;
        var positions = new List<string>();
        var references = 0;
        foreach (var (item, path) in items)
        {
            var element = ObjectReader.Element(item, path, r.Context, "uri", "position");
            if (element is null) continue;
            element.Media("uri", true, MediaKind.Image);
            if (!element.Has("position")) { references++; continue; }
            if (element.Enum("position", false, ["first", "last"]) is not { } position) continue;
            if (positions.Contains(position)) r.Context.Add(element.PathOf("position"), $"Only one promptImage may have position '{position}'");
            positions.Add(position);
        }
        if (positions.Count > 0 && references > 0)
        {
            r.Context.Add(r.PathOf("promptImage"), "Keyframe images (with a position) and reference images (without) cannot be mixed");
            return ImageMode.None;
        }
        if (positions.Contains("last") && !positions.Contains("first"))
            r.Context.Add(r.PathOf("promptImage"), "A 'last' frame requires a 'first' frame");
        return references > 0 ? ImageMode.References : ImageMode.Keyframes;
    }

    /// <summary>An array of <c>{uri}</c> image references (optionally with more keys); returns how many.</summary>
    public static int ImageReferences(ObjectReader r, string key, int max, bool required = false, int min = 0)
    {
        var count = 0;
        foreach (var (item, path) in r.Array(key, required, min, max) ?? [])
        {
            count++;
            ObjectReader.Element(item, path, r.Context, "uri")?.Media("uri", true, MediaKind.Image);
        }
        return count;
    }

    /// <summary>
    /// An array of <c>{type, uri}</c> (or <c>{uri}</c> when <paramref name="type"/> is null) media references.
    /// The combined duration of the inputs whose duration is readable must stay within the cap.
    /// </summary>
    public static IReadOnlyList<MediaInfo?> TypedReferences(ObjectReader r, string key, string? type, MediaKind kind,
        double? maxTotalSeconds = null, bool strictlyLess = false, int max = int.MaxValue)
    {
        var infos = new List<MediaInfo?>();
        foreach (var (item, path) in r.Array(key, false, 0, max) ?? [])
        {
            var element = type is null
                ? ObjectReader.Element(item, path, r.Context, "uri")
                : ObjectReader.Element(item, path, r.Context, "type", "uri");
            if (element is null) { infos.Add(null); continue; }
            if (type is not null) element.Enum("type", true, [type]);
            infos.Add(element.Media("uri", true, kind));
        }
        if (maxTotalSeconds is { } cap)
        {
            var total = infos.Sum(i => i?.DurationSeconds ?? 0);
            if (strictlyLess ? total >= cap : total > cap)
                r.Context.Add(r.PathOf(key), strictlyLess
                    ? $"The combined duration must be less than {cap} seconds, received {total:0.###} seconds"
                    : $"The combined duration must not exceed {cap} seconds, received {total:0.###} seconds");
        }
        return infos;
    }

    /// <summary>referenceImages of the tagged kind (gen4_image, gpt_image, gemini): uri, optional unique tag, optional subject.</summary>
    public static IReadOnlyList<string?> TaggedImages(ObjectReader r, bool required, int min, int max, bool subject = false)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var subjects = new List<string?>();
        foreach (var (item, path) in r.Array("referenceImages", required, min, max) ?? [])
        {
            var image = subject
                ? ObjectReader.Element(item, path, r.Context, "uri", "tag", "subject")
                : ObjectReader.Element(item, path, r.Context, "uri", "tag");
            if (image is null) continue;
            image.Media("uri", true, MediaKind.Image);
            if (subject) subjects.Add(image.Enum("subject", false, ["object", "human"]));
            if (image.String("tag", false, 3, 16) is not { } tag) continue;
            if (!TagPattern().IsMatch(tag))
                r.Context.Add(image.PathOf("tag"), "Tag must start with a letter and contain only letters, digits and underscores");
            else if (!tags.Add(tag))
                r.Context.Add(image.PathOf("tag"), $"Duplicate tag '{tag}'");
        }
        return subjects;
    }

    /// <summary>The output container of gen4.5 and aleph2, and its ProRes profile (only with the ProRes formats).</summary>
    public static (string Format, string? Profile) OutputFormat(ObjectReader r, string[] formats, string[] proresFormats)
    {
        var format = r.Enum("outputFormat", false, formats) ?? "mp4";
        string[] allProfiles = ["422", "4444", "422 Proxy", "422 LT", "422 HQ", "4444 XQ"];
        if (!r.Has("proresProfile")) return (format, null);
        if (!proresFormats.Contains(format))
        {
            r.Context.Add(r.PathOf("proresProfile"), $"proresProfile is only valid when outputFormat is {string.Join(" or ", proresFormats.Select(JsonTypes.Quote))}");
            return (format, null);
        }
        var profile = r.Enum("proresProfile", false, format == "hdr_prores" ? ["422", "422 HQ", "4444"] : allProfiles);
        return (format, profile);
    }
}
