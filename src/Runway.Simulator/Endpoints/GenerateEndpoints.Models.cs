using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>A model the simulated router may pick, with the simulator's own capability table (see docs/simulator.md).</summary>
public sealed record RoutedModel(string Name, string Provider, int Latency, int Quality, int PromptMax)
{
    // video
    public string[] Aspects { get; init; } = [];
    public double MinDuration { get; init; }
    public double MaxDuration { get; init; }
    public int[]? Durations { get; init; }
    public double DefaultDuration { get; init; }
    public string[] Resolutions { get; init; } = [];
    public string Audio { get; init; } = "none"; // none | toggle | always
    public bool NeedsFirstImage { get; init; }
    public bool FirstImage { get; init; }
    public bool LastImage { get; init; }
    public int MaxReferenceImages { get; init; }
    public bool SourceVideo { get; init; }
    public bool NeedsSourceVideo { get; init; }
    public bool ReferenceVideos { get; init; }
    public bool Keyframes { get; init; }
    public bool ReferenceAudio { get; init; }
    public Func<double, bool, double> VideoPrice { get; init; } = (_, _) => 0;
    // image
    public int MinReferenceImages { get; init; }
    public int MaxOutputCount { get; init; } = 1;
    public bool Seed { get; init; }
    public Func<int, int, double> ImagePrice { get; init; } = (_, _) => 0;
    // audio
    public bool Speech { get; init; }
    public bool GeneralAudio { get; init; }
    public bool PresetVoices { get; init; }
    public bool CloneVoice { get; init; }
    public bool DefaultVoice { get; init; }
    public bool Loop { get; init; }
    public bool ExplicitDuration { get; init; }
    public int MaxReferenceAudios { get; init; }
    public Func<string, double, bool, double> AudioPrice { get; init; } = (_, _, _) => 0;
}

/// <summary>The models the simulated Model Router picks from: the simulator's own capability table (docs/simulator.md).</summary>
/// <remarks>Every name is one of <see cref="Catalog.ModelsByEndpoint"/>'s and every price comes from <see cref="Prices"/>.</remarks>
public static partial class GenerateEndpoints
{
    public static readonly string[] VideoAspects = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"];
    public static readonly string[] ImageAspects = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "2:3", "3:2", "4:5", "5:4"];
    private static readonly string[] AllVideoAspects = VideoAspects;

    public static readonly RoutedModel[] VideoModels =
    [
        new("gen4_turbo", "runway", 1, 2, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 10, Resolutions = ["720p"],
            NeedsFirstImage = true, FirstImage = true, VideoPrice = (s, _) => Prices.Public("gen4_turbo").Credits * s,
        },
        new("gen4.5", "runway", 2, 4, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 5, Resolutions = ["720p"],
            FirstImage = true, VideoPrice = (s, _) => Prices.Public("gen4.5").Credits * s,
        },
        new("veo3.1", "google", 4, 5, 1000)
        {
            Aspects = ["16:9", "9:16"], Durations = [4, 6, 8], DefaultDuration = 8, Resolutions = ["720p", "1080p"], Audio = "toggle",
            FirstImage = true, LastImage = true, MaxReferenceImages = 3, VideoPrice = (s, audio) => Prices.Public("veo3.1").PerSecond(audio) * s,
        },
        new("veo3.1_fast", "google", 2, 3, 1000)
        {
            Aspects = ["16:9", "9:16"], Durations = [4, 6, 8], DefaultDuration = 8, Resolutions = ["720p", "1080p"], Audio = "toggle",
            FirstImage = true, LastImage = true, VideoPrice = (s, audio) => Prices.Public("veo3.1_fast").PerSecond(audio) * s,
        },
        new("seedance2", "bytedance", 3, 4, 2000)
        {
            Aspects = AllVideoAspects, MinDuration = 4, MaxDuration = 15, DefaultDuration = 5, Resolutions = ["480p", "720p", "1080p"], Audio = "always",
            FirstImage = true, LastImage = true, MaxReferenceImages = 4, SourceVideo = true, ReferenceVideos = true, ReferenceAudio = true,
            VideoPrice = (s, _) => Prices.Of("seedance2").PerSecond * s,
        },
        new("aleph2", "runway", 3, 5, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 5, Resolutions = ["720p"],
            MaxReferenceImages = 1, SourceVideo = true, NeedsSourceVideo = true, Keyframes = true,
            VideoPrice = (s, _) => Prices.Of("aleph2").PerSecond * s,
        },
    ];

    public static readonly RoutedModel[] ImageModels =
    [
        new("gen4_image", "runway", 2, 4, 1000)
        {
            Aspects = VideoAspects, Resolutions = ["1k", "2k"], MaxReferenceImages = 3, Seed = true,
            ImagePrice = (w, h) => Prices.PerImage("gen4_image", (w, h)),
        },
        new("gen4_image_turbo", "runway", 1, 3, 1000)
        {
            Aspects = VideoAspects, Resolutions = ["1k", "2k"], MinReferenceImages = 1, MaxReferenceImages = 3, Seed = true, ImagePrice = (w, h) => Prices.PerImage("gen4_image_turbo", (w, h)),
        },
        new("gemini_2.5_flash", "google", 1, 3, 2000)
        {
            Aspects = ImageAspects, Resolutions = ["1k"], MaxReferenceImages = 3, ImagePrice = (w, h) => Prices.PerImage("gemini_2.5_flash", (w, h)),
        },
        new("gpt_image_2", "openai", 3, 5, 4000)
        {
            Aspects = ["1:1", "2:3", "3:2"], Resolutions = ["1k", "2k"], MaxReferenceImages = 10, MaxOutputCount = 10,
            ImagePrice = (_, _) => Prices.Of("gpt_image_2").PerImageByQuality![Prices.GptImageDefaultQuality],
        },
    ];

    public static readonly RoutedModel[] AudioModels =
    [
        new("eleven_multilingual_v2", "elevenlabs", 2, 3, 1000)
        {
            Speech = true, PresetVoices = true, AudioPrice = (text, _, _) => Prices.Public("eleven_multilingual_v2").For(text.Length),
        },
        new("eleven_v3", "elevenlabs", 3, 5, 5000)
        {
            Speech = true, PresetVoices = true, DefaultVoice = true, AudioPrice = (text, _, _) => Prices.Of("eleven_v3").Per50Characters * Math.Ceiling(text.Length / 50.0),
        },
        new("seed_audio", "bytedance", 2, 4, 3000)
        {
            Speech = true, GeneralAudio = true, CloneVoice = true, DefaultVoice = true, ExplicitDuration = true, MinDuration = 1, MaxDuration = 60,
            DefaultDuration = 10, MaxReferenceAudios = 3, AudioPrice = (_, seconds, _) => Prices.Of("seed_audio").PerSecond * Math.Ceiling(seconds),
        },
        new("eleven_text_to_sound_v2", "elevenlabs", 1, 3, 3000)
        {
            GeneralAudio = true, Loop = true, ExplicitDuration = true, MinDuration = 0.5, MaxDuration = 30, DefaultDuration = 5,
            AudioPrice = (_, seconds, _) => Prices.Public("eleven_text_to_sound_v2").For(seconds),
        },
    ];

    public static string VideoRatio(string aspect, string resolution)
    {
        var (w, h) = aspect switch { "16:9" => (16, 9), "9:16" => (9, 16), "1:1" => (1, 1), "4:3" => (4, 3), "3:4" => (3, 4), _ => (21, 9) };
        var shortSide = resolution switch { "480p" => 480, "720p" => 720, "1080p" => 1080, _ => 2160 };
        var (width, height) = w >= h ? (shortSide * w / h, shortSide) : (shortSide, shortSide * h / w);
        return $"{width / 8 * 8}:{height / 8 * 8}";
    }

    public static string ImageRatio(string aspect, string resolution)
    {
        var baseRatio = aspect switch
        {
            "16:9" => (1344, 768), "9:16" => (768, 1344), "1:1" => (1024, 1024), "4:3" => (1184, 864), "3:4" => (864, 1184),
            "21:9" => (1536, 672), "2:3" => (832, 1248), "3:2" => (1248, 832), "4:5" => (896, 1152), _ => (1152, 896),
        };
        var scale = resolution switch { "1k" => 1, "2k" => 2, _ => 4 };
        return $"{baseRatio.Item1 * scale}:{baseRatio.Item2 * scale}";
    }
}
