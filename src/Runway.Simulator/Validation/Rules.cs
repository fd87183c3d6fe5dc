using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>What an output file looks like: a PNG or MP4 of a size, or a WAV of a duration; Count files of it.</summary>
public sealed record OutputSpec(string Format, int Width, int Height, double DurationSeconds, int Count = 1)
{
    /// <summary>A sub-kind of the format (e.g. the ProRes tier of a .mov), when the bytes depend on it.</summary>
    public string? Variant { get; init; }
    public static OutputSpec Png(string ratio) { var (w, h) = Catalog.ParseRatio(ratio); return new("png", w, h, 0); }
    public static OutputSpec Mp4(string ratio, double seconds) { var (w, h) = Catalog.ParseRatio(ratio); return new("mp4", w, h, seconds); }
    public static OutputSpec Wav(double seconds) => new("wav", 0, 0, Math.Round(seconds, 3));
}

/// <summary>A validated generation request: its model, price and the output it will produce.</summary>
public sealed record CreateRequest(string Endpoint, string Model, long Credits, OutputSpec Output, string? PromptText);

/// <summary>Validates a generation request body for its endpoint and model.</summary>
public static class Rules
{
    public const double DefaultAudioSeconds = 10;

    public static CreateRequest? Validate(string endpoint, JsonElement body, ValidationContext ctx)
    {
        var models = Catalog.ModelsByEndpoint[endpoint];
        if (!body.TryGetProperty("model", out var m))
        {
            ctx.Add(["model"], "Required");
            return null;
        }
        if (m.ValueKind != JsonValueKind.String)
        {
            ctx.Add(["model"], $"Expected string, received {JsonTypes.Name(m)}");
            return null;
        }
        var model = m.GetString()!;
        if (!models.Contains(model))
        {
            ctx.Add(["model"], $"Invalid enum value. Expected {string.Join(" | ", models.Select(JsonTypes.Quote))}, received {JsonTypes.Quote(model)}");
            return null;
        }
        var request = endpoint switch
        {
            "image_to_video" => VideoRules.ImageToVideo(model, body, ctx),
            "text_to_video" => VideoRules.TextToVideo(model, body, ctx),
            "video_to_video" => VideoRules.VideoToVideo(body, ctx),
            "character_performance" => VideoRules.CharacterPerformance(body, ctx),
            "text_to_image" => ImageRules.TextToImage(model, body, ctx),
            "text_to_speech" => AudioRules.TextToSpeech(body, ctx),
            "speech_to_speech" => AudioRules.SpeechToSpeech(body, ctx),
            "sound_effect" => AudioRules.SoundEffect(body, ctx),
            "voice_dubbing" => AudioRules.VoiceDubbing(body, ctx),
            "voice_isolation" => AudioRules.VoiceIsolation(body, ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        return ctx.Failed ? null : request;
    }

    /// <summary>The reader for the body's top-level fields.</summary>
    public static ObjectReader Root(JsonElement body, ValidationContext ctx, params string[] keys) =>
        new(body, [], ctx, ["model", .. keys]);

    public static void Seed(ObjectReader r) => r.Number("seed", false, 0, 4294967295, integer: true);

    public static void ContentModeration(ObjectReader r) =>
        r.Object("contentModeration", false, "publicFigureThreshold")?.Enum("publicFigureThreshold", false, ["auto", "low"]);

    public static int Credits(double units) => (int)Math.Ceiling(units - 1e-9);
}
