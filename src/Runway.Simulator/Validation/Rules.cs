using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>
/// One output file (a task with N outputs has N specs): its extension (png, jpg, webp, mp4, mov, zip, wav, mp3,
/// ogg), size, duration and variant, the sub-kind its bytes depend on: h264/hevc10 for .mp4; prores (422 HQ),
/// prores_{422, 4444, 422_proxy, 422_lt, 4444_xq} or hevc12 for .mov; png8, png16, exr, exr_acescg_1_3 or
/// exr_acescg_2_0 for .zip frame sequences, with a "+upconvert" suffix for Ruby's delivery (provenance.json);
/// rgba for PNG.
/// </summary>
public sealed record OutputSpec(string Format, int Width, int Height, double DurationSeconds, string Variant = "")
{
    public static OutputSpec Png(string ratio) { var (w, h) = Catalog.ParseRatio(ratio); return new("png", w, h, 0); }
    public static OutputSpec Mp4(string ratio, double seconds) { var (w, h) = Catalog.ParseRatio(ratio); return new("mp4", w, h, seconds, "h264"); }
    public static OutputSpec Wav(double seconds) => new("wav", 0, 0, Math.Round(seconds, 3));

    /// <summary><paramref name="count"/> PNG files of one size (a task with N image outputs has N specs).</summary>
    public static IReadOnlyList<OutputSpec> Images(string ratio, int count) => Enumerable.Repeat(Png(ratio), count).ToArray();

    /// <summary>An image file: png (rgba when transparent), jpeg (.jpg) or webp.</summary>
    public static OutputSpec Image((int W, int H) size, string format = "png", bool transparent = false) => format switch
    {
        "jpeg" => new("jpg", size.W, size.H, 0),
        "webp" => new("webp", size.W, size.H, 0),
        _ => new("png", size.W, size.H, 0, transparent ? "rgba" : ""),
    };

    /// <summary>An audio file: wav, mp3 or ogg_opus (.ogg).</summary>
    public static OutputSpec Audio(string format, double seconds) => format switch
    {
        "mp3" => new("mp3", 0, 0, Math.Round(seconds, 3)),
        "ogg_opus" => new("ogg", 0, 0, Math.Round(seconds, 3)),
        _ => Wav(seconds),
    };

    /// <summary>
    /// The files of a video for an <c>outputFormat</c>: the video (or frame-sequence .zip), plus a separate .wav
    /// for a frame sequence whose output has audio, as the declarations describe.
    /// </summary>
    public static IReadOnlyList<OutputSpec> Video(string outputFormat, (int W, int H) size, double seconds, bool hasAudio = false, string? proresProfile = null)
    {
        var (w, h) = size;
        var video = outputFormat switch
        {
            // The declarations: prores defaults to 4444, hdr_prores to 422 HQ.
            "prores" => new OutputSpec("mov", w, h, seconds, ProResVariant(proresProfile ?? "4444")),
            "hdr_prores" => new OutputSpec("mov", w, h, seconds, ProResVariant(proresProfile)),
            "hdr_pq_12bit_master" => new OutputSpec("mov", w, h, seconds, "hevc12"),
            "hdr10" or "hlg" or "sdr_rec709_10bit" => new OutputSpec("mp4", w, h, seconds, "hevc10"),
            "png_sequence" => new OutputSpec("zip", w, h, seconds, "png8"),
            "hdr_png_sequence" => new OutputSpec("zip", w, h, seconds, "png16"),
            "hdr_exr_sequence" => new OutputSpec("zip", w, h, seconds, "exr"),
            "hdr_exr_acescg_sequence_1_3" => new OutputSpec("zip", w, h, seconds, "exr_acescg_1_3"),
            "hdr_exr_acescg_sequence_2_0" => new OutputSpec("zip", w, h, seconds, "exr_acescg_2_0"),
            _ => new OutputSpec("mp4", w, h, seconds, "h264"),
        };
        return video.Format == "zip" && hasAudio ? [video, Wav(seconds)] : [video];
    }

    /// <summary>The .mov variant of a ProRes profile; no profile keeps the 422 HQ sample entry.</summary>
    public static string ProResVariant(string? profile) => profile is null || profile == "422 HQ"
        ? "prores"
        : "prores_" + profile.ToLowerInvariant().Replace(' ', '_');
}

/// <summary>
/// A validated generation request: its model, the credits charged at creation (the create response's and the
/// unfinished task's <c>estimatedCost</c>), the files it will produce, and the final charge when it is lower
/// (a duration of <c>auto</c> is billed at the maximum up front; the unused credits return on success).
/// </summary>
public sealed record CreateRequest(string Endpoint, string Model, long Credits, IReadOnlyList<OutputSpec> Outputs, string? PromptText, long? FinalCredits = null)
{
    public CreateRequest(string endpoint, string model, long credits, OutputSpec output, string? promptText)
        : this(endpoint, model, credits, [output], promptText) { }
}

/// <summary>Validates a generation request body for its endpoint and model.</summary>
public static class Rules
{
    public const double DefaultAudioSeconds = 10;

    /// <param name="acceptRetired">Accept gen4_aleph and veo3, which the API no longer serves (setting AcceptRetiredModels).</param>
    public static CreateRequest? Validate(string endpoint, JsonElement body, ValidationContext ctx, bool acceptRetired = false)
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
        var retired = acceptRetired && RetiredRules.Serves(endpoint, model);
        if (!models.Contains(model) && !retired)
        {
            ctx.Add(["model"], $"Invalid enum value. Expected {string.Join(" | ", models.Select(JsonTypes.Quote))}, received {JsonTypes.Quote(model)}");
            return null;
        }
        var request = ModelRule.Find(endpoint, model) is { } added ? added.Validate(endpoint, body, ctx)
            : retired ? RetiredRules.Validate(endpoint, model, body, ctx) : endpoint switch
        {
            "image_to_video" => VideoRules.Create(endpoint, model, body, ctx),
            "text_to_video" => VideoRules.Create(endpoint, model, body, ctx),
            "video_to_video" => VideoRules.Create("video_to_video", model, body, ctx),
            "character_performance" => VideoRules.CharacterPerformance(body, ctx),
            "text_to_image" => ImageRules.TextToImage(model, body, ctx),
            "text_to_speech" => AudioRules.TextToSpeech(model, body, ctx),
            "speech_to_speech" => AudioRules.SpeechToSpeech(body, ctx),
            "sound_effect" => AudioRules.SoundEffect(model, body, ctx),
            "voice_dubbing" => AudioRules.VoiceDubbing(body, ctx),
            "voice_isolation" => AudioRules.VoiceIsolation(body, ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        return ctx.Failed ? null : request;
    }

    /// <summary>The reader for the body's top-level fields.</summary>
    public static ObjectReader Root(JsonElement body, ValidationContext ctx, params string[] keys) =>
        new(body, [], ctx, ["model", .. keys]);

    public static void Seed(ObjectReader r) => Fields.Seed(r);

    public static void ContentModeration(ObjectReader r) => Fields.ContentModeration(r);

    public static int Credits(double units) => (int)Math.Ceiling(units - 1e-9);
}
