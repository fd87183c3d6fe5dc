namespace Runway.Simulator.Validation;

/// <summary>What a published price is counted in.</summary>
public enum PriceUnit { Second, Image, Characters, AudioSeconds }

/// <summary>
/// A price Runway publishes: <see cref="Credits"/> per <see cref="Block"/> units (1 credit per 50 characters is
/// Credits 1, Block 50). <see cref="WithoutAudio"/>: the per-second price when the output has no audio;
/// <see cref="Large"/>: the per-image price above 720p.
/// </summary>
public sealed record PublishedPrice(PriceUnit Unit, double Credits, double Block = 1, double? WithoutAudio = null, double? Large = null)
{
    public double PerSecond(bool audio) => audio || WithoutAudio is null ? Credits : WithoutAudio.Value;

    /// <summary>Credits for a number of units, a started block counting whole.</summary>
    public long For(double units) => Rules.Credits(units / Block) * (long)Credits;
}

/// <summary>
/// A price the simulator makes up for a model whose price is not public. Video: credits per output second, the
/// duration used when the request names none, and the maximum a <c>duration: "auto"</c> is billed at up front.
/// Images: credits per image, optionally per quality. Audio: credits per output second or per started 50 characters.
/// </summary>
public sealed record SimulatedPrice(
    double PerSecond = 0, double DefaultSeconds = 5, double AutoMaxSeconds = 0,
    double PerImage = 0, IReadOnlyDictionary<string, double>? PerImageByQuality = null,
    double Per50Characters = 0);

/// <summary>
/// The simulator's one price table, in credits, for every endpoint (generation, routed generation, upscales,
/// recipes, avatar videos). Two sources only: the public prices (<see cref="Published"/>, from
/// runway-api-reference.md; gen4.5 from current-api.md; muse_image from its SDK declaration) together with the price
/// rules the SDK declarations state (output-format surcharges, grok_imagine_image_2's 2K/low/reference adjustments,
/// gpt_image_2_5's 1 credit per reference per image, "auto" billed at the maximum then refunded), and the SIMULATED
/// tables (<see cref="Simulated"/>, <see cref="SimulatedTasks"/>) for everything else. A model has one row: the
/// direct endpoint and the Model Router charge it alike. tests/Runway.Tests/SimulatorPriceTests compares
/// <see cref="Published"/> with the module's catalog (the simulator itself never reads the module).
/// </summary>
public static class Prices
{
    // ---- public prices and declared price rules ---------------------------------------------------------------

    /// <summary>Runway's published prices (runway-api-reference.md, "1 credit = $0.01"), including retired models.</summary>
    public static readonly IReadOnlyDictionary<string, PublishedPrice> Published = new Dictionary<string, PublishedPrice>
    {
        ["gen4.5"] = new(PriceUnit.Second, 12),                 // current-api.md, August 2026
        ["gen4_turbo"] = new(PriceUnit.Second, 5),
        ["gen4_aleph"] = new(PriceUnit.Second, 15),             // retired
        ["act_two"] = new(PriceUnit.Second, 5),
        ["veo3"] = new(PriceUnit.Second, 40),                   // retired
        ["veo3.1"] = new(PriceUnit.Second, 40, WithoutAudio: 20),
        ["veo3.1_fast"] = new(PriceUnit.Second, 15, WithoutAudio: 10),
        ["gen4_image"] = new(PriceUnit.Image, 5, Large: 8),
        ["gen4_image_turbo"] = new(PriceUnit.Image, 2),
        ["gemini_2.5_flash"] = new(PriceUnit.Image, 5),
        ["muse_image"] = new(PriceUnit.Image, 1),               // "Each image costs 1 credit" (SDK declaration)
        ["ruby"] = new(PriceUnit.Second, 20, Large: 40),        // video_to_hdr declaration; 40 when the source is over 4 MP
        ["eleven_multilingual_v2"] = new(PriceUnit.Characters, 1, Block: 50),
        ["eleven_text_to_sound_v2"] = new(PriceUnit.AudioSeconds, 1),
        ["eleven_multilingual_sts_v2"] = new(PriceUnit.AudioSeconds, 1, Block: 3),
        ["eleven_voice_dubbing"] = new(PriceUnit.AudioSeconds, 1, Block: 2),
        ["eleven_voice_isolation"] = new(PriceUnit.AudioSeconds, 1, Block: 6),
    };

    public static PublishedPrice Public(string model) => Published[model];

    /// <summary>The per-image price of a published image model at a size: the larger price above 720p.</summary>
    public static long PerImage(string model, (int W, int H) size) =>
        (long)(Math.Min(size.W, size.H) <= 720 || Published[model].Large is not { } large ? Published[model].Credits : large);

    /// <summary>
    /// The per-second surcharge of a non-mp4 outputFormat (gen4.5, aleph2 declarations): 5 for prores and
    /// png_sequence; 20 for every 10-bit and deeper profile, 40 when the output is larger than 4 megapixels.
    /// </summary>
    public static int FormatSurchargePerSecond(string outputFormat, (int W, int H) size) => outputFormat switch
    {
        "mp4" => 0,
        "prores" or "png_sequence" => 5,
        _ => (long)size.W * size.H > 4_000_000 ? 40 : 20,
    };

    // ---- SIMULATED prices: NOT Runway's; the simulator's own stand-ins for prices that are not public ----------

    private static IReadOnlyDictionary<string, double> Q(params (string Quality, double Credits)[] table) =>
        table.ToDictionary(t => t.Quality, t => t.Credits);

    /// <summary>
    /// SIMULATED PRICES. Runway publishes no price for these models; the simulator, standing in for the API,
    /// charges these made-up amounts so that estimatedCost/cost and the balance behave. docs/simulator.md lists them.
    /// The durations here are the simulator's choices too where the declarations state no default or maximum.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, SimulatedPrice> Simulated = ModelRule.AddTo(new Dictionary<string, SimulatedPrice>
    {
        // video: credits per second, default duration, "auto" billed up front at AutoMaxSeconds
        ["aleph2"] = new(PerSecond: 15),
        ["hailuo3"] = new(PerSecond: 10, DefaultSeconds: 6),
        ["happyhorse_1_0"] = new(PerSecond: 10),
        ["seedance2"] = new(PerSecond: 20, AutoMaxSeconds: 15),
        ["seedance2_fast"] = new(PerSecond: 12, AutoMaxSeconds: 15),
        ["seedance2_mini"] = new(PerSecond: 8, AutoMaxSeconds: 15),
        ["seedance2_5"] = new(PerSecond: 25, AutoMaxSeconds: 15),
        ["gemini_omni_flash"] = new(PerSecond: 15),
        ["gemini_omni_flash_1.1"] = new(PerSecond: 15, AutoMaxSeconds: 10),
        ["grok_imagine_1_5"] = new(PerSecond: 10),
        ["wan3"] = new(PerSecond: 10),
        ["wan3_prime"] = new(PerSecond: 15),
        ["h3_max"] = new(PerSecond: 12, DefaultSeconds: 6),
        // images: credits per image
        ["gpt_image_2"] = new(PerImageByQuality: Q(("low", 2), ("medium", 5), ("high", 10), ("auto", 10))),
        ["gpt_image_2_5_flare"] = new(PerImageByQuality: Q(("low", 3), ("medium", 6), ("high", 12), ("xhigh", 18), ("max", 25))),
        ["gpt_image_2_5_sunburst"] = new(PerImageByQuality: Q(("low", 3), ("medium", 6), ("high", 12), ("xhigh", 18), ("max", 25))),
        ["gemini_image3.1_flash"] = new(PerImage: 6),
        ["gemini_image3_pro"] = new(PerImage: 12),
        ["seedream5_pro"] = new(PerImage: 6),
        ["seedream5_lite"] = new(PerImage: 4),
        ["grok_imagine_image_2"] = new(PerImageByQuality: Q(("low", 4), ("medium", 6))),
        // audio
        ["eleven_v3"] = new(Per50Characters: 2),
        ["seed_audio"] = new(PerSecond: 1),
    });

    /// <summary>gpt_image_2's quality when a request names none (its direct rule's default; the routed input has no quality).</summary>
    public const string GptImageDefaultQuality = "high";

    /// <summary>
    /// SIMULATED PRICES of the tasks that are not generation models (upscales, recipes, avatar videos), keyed
    /// "name" or "name:option". Runway publishes none and the SDK states none; docs/simulator.md lists them.
    /// Voices, voice previews, documents, avatars and realtime sessions are not charged by the simulator.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> SimulatedTasks = new Dictionary<string, double>
    {
        // image_upscale: per output image, by scaleFactor.
        ["magnific_precision_upscaler_v2:2"] = 10,
        ["magnific_precision_upscaler_v2:4"] = 20,
        ["magnific_precision_upscaler_v2:8"] = 40,
        ["magnific_precision_upscaler_v2:16"] = 80,
        // video_upscale: per second of video.
        ["magnific_video_upscaler_creative:720p"] = 5,
        ["magnific_video_upscaler_creative:1k"] = 8,
        ["magnific_video_upscaler_creative:2k"] = 12,
        ["magnific_video_upscaler_creative:4k"] = 20,
        ["enhance_frame_rate"] = 2,
        // recipes.
        ["ad_localization"] = 10,                          // per task
        ["marketing_stock_image:low"] = 2,                 // per image
        ["marketing_stock_image:medium"] = 5,
        ["marketing_stock_image:high"] = 10,
        ["multi_shot_video:standard"] = 15,                // per second; +5/s with audio
        ["multi_shot_video:pro"] = 25,
        ["product_ad"] = 20,                               // per second; +5/s with audio
        ["product_campaign_image"] = 40,                   // per task (4 images)
        ["product_swap:720p"] = 20,                        // per second; +5/s with audio
        ["product_swap:1080p"] = 30,
        ["product_ugc"] = 20,                              // per second; +5/s with audio
        ["recipe_audio"] = 5,                              // per second, added when audio is true
        // POST /v1/avatar_videos (gwm1_avatars): per started second of output video.
        ["gwm1_avatars"] = 2,
    };

    public static SimulatedPrice Of(string model) => Simulated[model];

    public static double OfTask(string key) => SimulatedTasks[key];

    /// <summary>Credits for a video of a model in the simulated table.</summary>
    public static long SimulatedVideo(string model, double seconds) => Rules.Credits(Of(model).PerSecond * seconds);
}
