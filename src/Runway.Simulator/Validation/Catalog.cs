namespace Runway.Simulator.Validation;

/// <summary>The simulator's own table of endpoints, models and the values each model allows.</summary>
public static class Catalog
{
    public static readonly IReadOnlyDictionary<string, string[]> ModelsByEndpoint = new Dictionary<string, string[]>
    {
        ["image_to_video"] = ["gen4_turbo", "veo3", "veo3.1", "veo3.1_fast"],
        ["text_to_video"] = ["veo3", "veo3.1", "veo3.1_fast"],
        ["video_to_video"] = ["gen4_aleph"],
        ["text_to_image"] = ["gen4_image", "gen4_image_turbo", "gemini_2.5_flash"],
        ["character_performance"] = ["act_two"],
        ["text_to_speech"] = ["eleven_multilingual_v2"],
        ["speech_to_speech"] = ["eleven_multilingual_sts_v2"],
        ["sound_effect"] = ["eleven_text_to_sound_v2"],
        ["voice_dubbing"] = ["eleven_voice_dubbing"],
        ["voice_isolation"] = ["eleven_voice_isolation"],
    };

    /// <summary>Every model of the tier, in a stable order.</summary>
    public static readonly string[] AllModels = ModelsByEndpoint.Values.SelectMany(m => m).Distinct().ToArray();

    public static readonly string[] Gen4TurboRatios = ["1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"];
    public static readonly string[] VeoRatios = ["1280:720", "720:1280", "1080:1920", "1920:1080"];
    public static readonly string[] AlephRatios = ["1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672", "848:480", "640:480"];
    public static readonly string[] ActTwoRatios = ["1280:720", "720:1280", "960:960", "1104:832", "832:1104", "1584:672"];
    public static readonly string[] Gen4ImageRatios =
    [
        "1024:1024", "1080:1080", "1168:880", "1360:768", "1440:1080", "1080:1440", "1808:768", "1920:1080",
        "1080:1920", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720",
    ];
    public static readonly string[] GeminiRatios =
        ["1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152", "1152:896"];

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
}
