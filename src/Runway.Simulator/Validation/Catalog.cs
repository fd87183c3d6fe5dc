namespace Runway.Simulator.Validation;

/// <summary>
/// The simulator's one list of models (by endpoint) and its own table of the values each model allows. Every other
/// list of models derives from it: the tier (<see cref="TierModels"/>), a router's models.ids
/// (<see cref="RouterModels"/>), the control API's model names; the Model Router's capability table
/// (GenerateEndpoints.Models.cs) names only models listed here (tests/Runway.Tests/SimulatorCatalogTests).
/// </summary>
public static class Catalog
{
    /// <summary>The models each endpoint serves (the official SDK 4.20.1 declarations), and those of every <see cref="ModelRule"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ModelsByEndpoint = ModelRule.AddTo(new Dictionary<string, string[]>
    {
        ["image_to_video"] =
        [
            "gen4.5", "gen4_turbo", "veo3.1", "veo3.1_fast", "hailuo3", "happyhorse_1_0", "seedance2", "seedance2_fast",
            "seedance2_mini", "gemini_omni_flash", "seedance2_5", "grok_imagine_1_5", "wan3", "gemini_omni_flash_1.1", "wan3_prime", "h3_max",
        ],
        ["text_to_video"] =
        [
            "gen4.5", "veo3.1", "veo3.1_fast", "hailuo3", "happyhorse_1_0", "seedance2", "seedance2_fast", "seedance2_mini",
            "gemini_omni_flash", "seedance2_5", "grok_imagine_1_5", "wan3", "gemini_omni_flash_1.1", "wan3_prime", "h3_max",
        ],
        ["video_to_video"] =
            ["aleph2", "hailuo3", "seedance2", "seedance2_fast", "seedance2_mini", "gemini_omni_flash", "seedance2_5", "gemini_omni_flash_1.1"],
        ["text_to_image"] =
        [
            "gen4_image_turbo", "gen4_image", "gpt_image_2", "gemini_image3.1_flash", "muse_image", "seedream5_pro", "seedream5_lite",
            "grok_imagine_image_2", "gemini_image3_pro", "gpt_image_2_5_flare", "gpt_image_2_5_sunburst", "gemini_2.5_flash",
        ],
        ["character_performance"] = ["act_two"],
        ["text_to_speech"] = ["seed_audio", "eleven_multilingual_v2", "eleven_v3"],
        ["speech_to_speech"] = ["eleven_multilingual_sts_v2"],
        ["sound_effect"] = ["seed_audio", "eleven_text_to_sound_v2"],
        ["voice_dubbing"] = ["eleven_voice_dubbing"],
        ["voice_isolation"] = ["eleven_voice_isolation"],
    });

    /// <summary>Every generation model, in a stable order.</summary>
    public static readonly string[] AllModels = ModelsByEndpoint.Values.SelectMany(m => m).Distinct().ToArray();

    /// <summary>
    /// The models of the other task endpoints (SDK 4.20.1): upscales and HDR, the recipes (a recipe's name is its
    /// tasks' model and its path, /v1/recipes/{name}) and avatar videos.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> TaskModelsByEndpoint = new Dictionary<string, string[]>
    {
        ["image_upscale"] = ["magnific_precision_upscaler_v2"],
        ["video_upscale"] = ["magnific_video_upscaler_creative", "enhance_frame_rate"],
        ["video_to_hdr"] = ["ruby"],
        ["recipes"] =
        [
            "ad_localization", "marketing_stock_image", "multi_shot_video", "product_ad", "product_campaign_image", "product_swap", "product_ugc",
        ],
        ["avatar_videos"] = ["gwm1_avatars"],
    };

    /// <summary>The models of the tier (/v1/organization) and of usage: every task's model, so credits spent on any task show.</summary>
    public static readonly string[] TierModels = [.. AllModels.Concat(TaskModelsByEndpoint.Values.SelectMany(m => m)).Distinct(StringComparer.Ordinal)];

    /// <summary>The video and image generation models (act_two aside) a router's models.ids may name (current-api.md).</summary>
    public static readonly string[] RouterModels =
    [
        .. new[] { "image_to_video", "text_to_video", "video_to_video", "text_to_image" }.SelectMany(e => ModelsByEndpoint[e]).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Models the API served before and no longer does (current-api.md); see <see cref="RetiredRules"/>.</summary>
    public static readonly string[] RetiredModels = ["gen4_aleph", "veo3"];

    // ---- video ratios ----------------------------------------------------------------------------------------
    public static readonly string[] Gen4TurboRatios = ["1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"];
    public static readonly string[] Gen45ImageRatios = ["1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672"];
    public static readonly string[] Gen45TextRatios = ["1280:720", "720:1280"];
    public static readonly string[] VeoRatios = ["1280:720", "720:1280", "1080:1920", "1920:1080"];
    public static readonly string[] AlephRatios = ["1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672", "848:480", "640:480"];
    public static readonly string[] ActTwoRatios = ["1280:720", "720:1280", "960:960", "1104:832", "832:1104", "1584:672"];
    public static readonly string[] HailuoAspects = ["adaptive", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16"];
    public static readonly string[] HailuoResolutions = ["768p", "2k", "768P", "2K"];
    public static readonly string[] HappyHorseRatios = ["1280:720", "720:1280", "960:960", "1108:832", "832:1108", "1920:1080", "1080:1920", "1440:1440", "1662:1248", "1248:1662"];
    public static readonly string[] HappyHorseResolutions = ["720p", "1080p", "720P", "1080P"];
    public static readonly string[] Seedance2FastRatios =
        ["992:432", "864:496", "752:560", "640:640", "560:752", "496:864", "1470:630", "1280:720", "1112:834", "960:960", "834:1112", "720:1280"];
    public static readonly string[] Seedance2Ratios =
    [
        .. Seedance2FastRatios, "2206:946", "1920:1080", "1664:1248", "1440:1440", "1248:1664", "1080:1920",
        "3840:1646", "3840:2160", "3840:2880", "3840:3840", "2880:3840", "2160:3840",
    ];
    public static readonly string[] Seedance25Ratios =
    [
        "992:432", "854:480", "752:560", "640:640", "560:752", "480:854", "1470:630", "1280:720", "1112:834", "960:960", "834:1112",
        "720:1280", "2206:946", "1920:1080", "1664:1248", "1440:1440", "1248:1664", "1080:1920",
    ];
    public static readonly string[] GeminiOmniRatios = ["1280:720", "720:1280"];
    public static readonly string[] GeminiOmni11Ratios = ["640:360", "360:640", "1280:720", "720:1280", "1920:1080", "1080:1920", "3840:2160", "2160:3840"];
    public static readonly string[] GrokVideoAspects = ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3"];
    public static readonly string[] GrokResolutions = ["480p", "720p", "1080p"];
    public static readonly string[] WanRatios =
    [
        "832:480", "720:544", "624:624", "544:720", "480:832", "1280:720", "1104:832", "960:960", "832:1104", "720:1280",
        "1920:1080", "1648:1248", "1440:1440", "1248:1648", "1080:1920", "auto_480p", "auto_720p", "auto_1080p",
    ];
    public static readonly string[] H3Resolutions = ["480p", "768p"];
    public static readonly string[] AlephTargetAspects = ["16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "21:9"];
    public static readonly string[] Gen45OutputFormats =
    [
        "mp4", "prores", "png_sequence", "hdr10", "hlg", "sdr_rec709_10bit", "hdr_pq_12bit_master", "hdr_prores", "hdr_png_sequence",
        "hdr_exr_sequence", "hdr_exr_acescg_sequence_1_3", "hdr_exr_acescg_sequence_2_0",
    ];
    public static readonly string[] Aleph2OutputFormats = ["mp4", "prores", "png_sequence", "sdr_rec709_10bit"];

    // ---- image ratios ----------------------------------------------------------------------------------------
    public static readonly string[] Gen4ImageRatios =
    [
        "1024:1024", "1080:1080", "1168:880", "1360:768", "1440:1080", "1080:1440", "1808:768", "1920:1080",
        "1080:1920", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720",
    ];
    public static readonly string[] GeminiRatios =
        ["1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152", "1152:896"];
    public static readonly string[] GptImageRatios =
    [
        "2048:880", "1920:1088", "1920:1280", "1920:1440", "1920:1536", "1920:1920", "1536:1920", "1440:1920", "1280:1920", "1088:1920",
        "2912:1248", "2560:1440", "2560:1712", "2560:1920", "2560:2048", "2560:2560", "2048:2560", "1920:2560", "1712:2560", "1440:2560",
        "3840:1648", "3840:2160", "3504:2336", "3264:2448", "3200:2560", "2880:2880", "2560:3200", "2448:3264", "2336:3504", "2160:3840", "auto",
    ];
    public static readonly string[] GeminiImage31FlashRatios =
    [
        "512:512", "416:624", "624:416", "432:592", "592:432", "448:576", "576:448", "384:672", "672:384", "768:336", "256:1024", "1024:256",
        "176:1408", "1408:176", "1024:1024", "832:1248", "1248:832", "864:1184", "1184:864", "896:1152", "1152:896", "768:1344", "1344:768",
        "1536:672", "512:2048", "2048:512", "352:2816", "2816:352", "2048:2048", "1696:2528", "2528:1696", "1792:2400", "2400:1792",
        "1856:2304", "2304:1856", "1536:2752", "2752:1536", "3168:1344", "1024:4096", "4096:1024", "704:5632", "5632:704", "4096:4096",
        "3392:5056", "5056:3392", "3584:4800", "4800:3584", "3712:4608", "4608:3712", "3072:5504", "5504:3072", "6336:2688", "2048:8192",
        "8192:2048", "1408:11264", "11264:1408",
    ];
    public static readonly string[] GeminiImage3ProRatios =
    [
        "1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152", "1152:896", "2048:2048",
        "1696:2528", "2528:1696", "1792:2400", "2400:1792", "1856:2304", "2304:1856", "1536:2752", "2752:1536", "3168:1344", "4096:4096",
        "3392:5056", "5056:3392", "3584:4800", "4800:3584", "3712:4608", "4608:3712", "3072:5504", "5504:3072", "6336:2688",
    ];
    public static readonly string[] MuseImageRatios = ["2352:1008", "2016:1152", "1920:1280", "1792:1344", "1600:1600", "1344:1792", "1280:1920", "1152:2016", "auto"];
    public static readonly string[] Seedream5ProRatios =
    [
        "1024:1024", "1184:896", "896:1184", "1376:768", "768:1376", "1296:864", "864:1296", "2048:2048", "2304:1728", "1728:2304",
        "2720:1530", "1530:2720", "2496:1664", "1664:2496", "auto_1k", "auto_2k",
    ];
    public static readonly string[] Seedream5LiteRatios =
    [
        "2048:2048", "2304:1728", "1728:2304", "2848:1600", "1600:2848", "2496:1664", "1664:2496", "3136:1344", "3072:3072", "3456:2592",
        "2592:3456", "4096:2304", "2304:4096", "3744:2496", "2496:3744", "4704:2016",
    ];
    public static readonly string[] GrokImageRatios =
    [
        "1024:1024", "1280:720", "720:1280", "1152:864", "864:1152", "1248:832", "832:1248", "1248:576", "576:1248", "1280:576", "576:1280",
        "1408:704", "704:1408", "2048:2048", "2816:1584", "1584:2816", "2368:1776", "1776:2368", "2496:1664", "1664:2496", "2912:1344",
        "1344:2912", "3200:1440", "1440:3200", "2912:1456", "1456:2912", "auto_1k", "auto_2k",
    ];

    public static readonly string[] VoicePresets =
    [
        "Maya", "Arjun", "Serene", "Bernard", "Billy", "Mark", "Clint", "Mabel", "Chad", "Leslie",
        "Eleanor", "Elias", "Elliot", "Grungle", "Brodie", "Sandra", "Kirk", "Kylie", "Lara", "Lisa",
        "Malachi", "Marlene", "Martin", "Miriam", "Monster", "Paula", "Pip", "Rusty", "Ragnar",
        "Xylar", "Maggie", "Jack", "Katie", "Noah", "James", "Rina", "Ella", "Mariah", "Frank",
        "Claudia", "Niki", "Vincent", "Kendrick", "Myrna", "Tom", "Wanda", "Benjamin", "Kiana", "Rachel",
    ];

    public static readonly string[] DubbingLanguages =
    [
        "en", "hi", "pt", "zh", "es", "fr", "de", "ja", "ar", "ru", "ko", "id", "it", "nl", "tr", "pl", "sv",
        "fil", "ms", "ro", "uk", "el", "cs", "da", "fi", "bg", "hr", "sk", "ta",
    ];

    public static string EndpointOf(string model) =>
        ModelsByEndpoint.First(kv => kv.Value.Contains(model)).Key;

    public static (int Width, int Height) ParseRatio(string ratio)
    {
        var parts = ratio.Split(':');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    /// <summary>
    /// The pixel size the simulator gives an aspect ratio ("16:9") at a short side: even dimensions.
    /// The declarations name aspect ratios and resolution tiers but not the exact pixel sizes.
    /// </summary>
    public static (int Width, int Height) SizeOf(string aspect, int shortSide)
    {
        var (a, b) = ParseRatio(aspect);
        static int Even(double v) => (int)Math.Round(v / 2) * 2;
        return a >= b ? (Even(shortSide * (double)a / b), shortSide) : (shortSide, Even(shortSide * (double)b / a));
    }

    /// <summary>The short side of a resolution tier name ("720p", "2k", "auto_1080p", "480P").</summary>
    public static int ShortSide(string tier) => tier.ToLowerInvariant().Replace("auto_", "") switch
    {
        "480p" => 480,
        "720p" => 720,
        "768p" => 768,
        "1080p" => 1080,
        "2k" or "auto_2k" => 1440,
        "1k" => 1024,
        _ => 720,
    };

    public static string EndpointKindOf(string model) => EndpointOf(model) switch
    {
        "image_to_video" or "text_to_video" or "video_to_video" or "character_performance" => "video",
        "text_to_image" => "image",
        _ => "audio",
    };
}
