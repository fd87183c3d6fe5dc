namespace Runway.Simulator.Validation;

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
/// Credits. Two sources only: the public prices (runway-api-reference.md; gen4.5 from current-api.md) together with
/// the price rules the SDK declarations state (output-format surcharges, muse_image's 1 credit per image,
/// grok_imagine_image_2's 2K/low/reference adjustments, gpt_image_2_5's 1 credit per reference per image, "auto"
/// billed at the maximum then refunded), and the <see cref="Simulated"/> table for everything else.
/// </summary>
public static class Prices
{
    // ---- public prices and declared price rules ---------------------------------------------------------------

    /// <summary>gen4.5: 12 credits per second (Runway's public API reference, August 2026).</summary>
    public const int Gen45PerSecond = 12;

    /// <summary>muse_image: "Each image costs 1 credit" (SDK declaration).</summary>
    public const int MuseImagePerImage = 1;

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
    public static readonly IReadOnlyDictionary<string, SimulatedPrice> Simulated = new Dictionary<string, SimulatedPrice>
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
    };

    public static SimulatedPrice Of(string model) => Simulated[model];

    /// <summary>Credits for a video of a model in the simulated table.</summary>
    public static long SimulatedVideo(string model, double seconds) => Rules.Credits(Of(model).PerSecond * seconds);
}
