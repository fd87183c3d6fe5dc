namespace Runway.Simulator;

/// <summary>
/// SIMULATED PRICES. Runway publishes no prices for these models and recipes (the SDK has none), so the simulator
/// charges these made-up amounts, in credits, only so that estimatedCost/cost and the balance move. They are
/// not facts about the API; docs/simulator.md lists them under the same heading. Known prices (reference, SDK
/// comments) are not here: ruby is priced where its rule lives, from the SDK's own comment.
/// </summary>
public static class SimulatedPrices
{
    public static readonly IReadOnlyDictionary<string, double> Table = new Dictionary<string, double>
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
        // routed generation, models without a known price.
        ["seedance2"] = 18,                                // per second
        ["aleph2"] = 15,                                   // per second
        ["gpt_image_2"] = 6,                               // per image
        ["eleven_v3"] = 2,                                 // per started 50 characters
        ["seed_audio"] = 1,                                // per started second
    };

    public static double Of(string key) => Table[key];
}
