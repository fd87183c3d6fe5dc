namespace Runway.Models
{
    /// <summary>The catalog's section for video, image and audio generation: endpoints, models, their rules and prices.</summary>
    internal static class GenerationCatalog
    {
        /// <summary>Endpoints in selection order (see <see cref="ModelCatalog.EndpointTable"/>).</summary>
        public static readonly EndpointInfo[] EndpointRows =
        {
            new EndpointInfo(Endpoints.VideoToVideo, "New-RunwayVideo", "gen4_aleph", "Video"),
            new EndpointInfo(Endpoints.CharacterPerformance, "New-RunwayVideo", "act_two", "Character", "Reference"),
            new EndpointInfo(Endpoints.ImageToVideo, "New-RunwayVideo", "gen4_turbo", "Image", "LastFrame"),
            new EndpointInfo(Endpoints.TextToVideo, "New-RunwayVideo", "veo3.1_fast"),
            new EndpointInfo(Endpoints.TextToImage, "New-RunwayImage", "gen4_image"),
            new EndpointInfo(Endpoints.SpeechToSpeech, "New-RunwaySpeech", "eleven_multilingual_sts_v2", "Audio", "Video"),
            new EndpointInfo(Endpoints.TextToSpeech, "New-RunwaySpeech", "eleven_multilingual_v2", "Text"),
            new EndpointInfo(Endpoints.SoundEffect, "New-RunwaySoundEffect", "eleven_text_to_sound_v2"),
            new EndpointInfo(Endpoints.VoiceDubbing, "New-RunwayDubbing", "eleven_voice_dubbing"),
            new EndpointInfo(Endpoints.VoiceIsolation, "New-RunwayVoiceIsolation", "eleven_voice_isolation"),
        };


        private static readonly string[] Gen4VideoRatios = { "1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672" };
        private static readonly string[] VeoRatios = { "1280:720", "720:1280", "1080:1920", "1920:1080" };
        private static readonly string[] AlephRatios = { "1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672", "848:480", "640:480" };
        private static readonly string[] Gen4ImageRatios =
        {
            "1024:1024", "1080:1080", "1168:880", "1360:768", "1440:1080", "1080:1440", "1808:768", "1920:1080",
            "1080:1920", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720",
        };
        private static readonly string[] GeminiImageRatios =
        {
            "1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152", "1152:896",
        };

        public static readonly ModelInfo[] Models =
        {
            new ModelInfo
            {
                Name = "gen4_turbo", Output = MediaKind.Video, Summary = "Fast image to video, general purpose.",
                Endpoints = new[] { Endpoints.ImageToVideo }, Ratios = Gen4VideoRatios, RatioRequired = true, DefaultRatio = "1280:720",
                Duration = new DurationRule(2, 10, true, 10), SupportsSeed = true, SupportsContentModeration = true,
                Price = new PerSecondPrice(5),
            },
            new ModelInfo
            {
                Name = "veo3", Output = MediaKind.Video, Summary = "Cinematic video with audio, from text or an image.",
                Endpoints = new[] { Endpoints.ImageToVideo, Endpoints.TextToVideo }, Ratios = VeoRatios, RatioRequired = true, DefaultRatio = "1280:720",
                Duration = new DurationRule(8, 8, true, 8, 8), PromptRequiredOn = new[] { Endpoints.TextToVideo },
                SupportsSeed = true, Price = new PerSecondPrice(40),
            },
            new ModelInfo
            {
                Name = "veo3.1", Output = MediaKind.Video, Summary = "Highest quality cinematic video, optional audio, first and last frames.",
                Endpoints = new[] { Endpoints.ImageToVideo, Endpoints.TextToVideo }, Ratios = VeoRatios, RatioRequired = true, DefaultRatio = "1280:720",
                Duration = new DurationRule(4, 8, true, 8, 4, 6, 8), PromptRequiredOn = new[] { Endpoints.TextToVideo },
                SupportsSeed = true, SupportsAudioFlag = true, SupportsLastFrame = true, Price = new PerSecondPrice(40, 20),
            },
            new ModelInfo
            {
                Name = "veo3.1_fast", Output = MediaKind.Video, Summary = "Fast cinematic video, optional audio, first and last frames.",
                Endpoints = new[] { Endpoints.ImageToVideo, Endpoints.TextToVideo }, Ratios = VeoRatios, RatioRequired = true, DefaultRatio = "1280:720",
                Duration = new DurationRule(4, 8, true, 8, 4, 6, 8), PromptRequiredOn = new[] { Endpoints.TextToVideo },
                SupportsSeed = true, SupportsAudioFlag = true, SupportsLastFrame = true, Price = new PerSecondPrice(15, 10),
            },
            new ModelInfo
            {
                Name = "gen4_aleph", Output = MediaKind.Video, Summary = "Video to video transformation guided by text and an optional image.",
                Endpoints = new[] { Endpoints.VideoToVideo }, Ratios = AlephRatios, DurationFromInput = true,
                Duration = new DurationRule(5, 5, true, 5, 5), PromptRequiredOn = new[] { Endpoints.VideoToVideo },
                MaxReferences = 1, SupportsSeed = true, SupportsContentModeration = true, Price = new PerSecondPrice(15),
            },
            new ModelInfo
            {
                Name = "act_two", Output = MediaKind.Video, Summary = "Character performance: drive a character image or video with a reference performance.",
                Endpoints = new[] { Endpoints.CharacterPerformance }, Ratios = Gen4VideoRatios, DurationFromInput = true,
                Duration = new DurationRule(5, 5, true, 5, 5), SupportsSeed = true, SupportsContentModeration = true,
                TakesPrompt = false, InputDuration = new DurationRule(3, 30, false, 5), Price = new PerSecondPrice(5),
            },
            new ModelInfo
            {
                Name = "gen4_image", Output = MediaKind.Image, Summary = "High quality images with up to three tagged references.",
                Endpoints = new[] { Endpoints.TextToImage }, Ratios = Gen4ImageRatios, RatioRequired = true, DefaultRatio = "1920:1080",
                PromptRequiredOn = new[] { Endpoints.TextToImage }, MaxReferences = 3, SupportsSeed = true,
                SupportsContentModeration = true, Price = new PerImagePrice(5, 8),
            },
            new ModelInfo
            {
                Name = "gen4_image_turbo", Output = MediaKind.Image, Summary = "Fast, low cost images; needs at least one reference image.",
                Endpoints = new[] { Endpoints.TextToImage }, Ratios = Gen4ImageRatios, RatioRequired = true, DefaultRatio = "1920:1080",
                PromptRequiredOn = new[] { Endpoints.TextToImage }, MinReferences = 1, MaxReferences = 3, SupportsSeed = true,
                SupportsContentModeration = true, Price = new PerImagePrice(2),
            },
            new ModelInfo
            {
                Name = "gemini_2.5_flash", Output = MediaKind.Image, Summary = "Alternative image style, up to three references.",
                Endpoints = new[] { Endpoints.TextToImage }, Ratios = GeminiImageRatios, RatioRequired = true, DefaultRatio = "1344:768",
                PromptRequiredOn = new[] { Endpoints.TextToImage }, MaxReferences = 3, Price = new PerImagePrice(5),
            },
            new ModelInfo
            {
                Name = "eleven_multilingual_v2", Output = MediaKind.Audio, Summary = "Text to speech with Runway preset voices.",
                Endpoints = new[] { Endpoints.TextToSpeech }, PromptRequiredOn = new[] { Endpoints.TextToSpeech },
                Price = new PerCharactersPrice(50),
            },
            new ModelInfo
            {
                Name = "eleven_multilingual_sts_v2", Output = MediaKind.Audio, Summary = "Speech to speech: re-voice an audio or video file.",
                Endpoints = new[] { Endpoints.SpeechToSpeech }, TakesPrompt = false, Price = new PerAudioSecondsPrice(3, 30),
            },
            new ModelInfo
            {
                Name = "eleven_text_to_sound_v2", Output = MediaKind.Audio, Summary = "Sound effects from a description.",
                Endpoints = new[] { Endpoints.SoundEffect }, PromptMaxLength = 3000,
                PromptRequiredOn = new[] { Endpoints.SoundEffect }, Duration = new DurationRule(0.5, 30, false, 5),
                Price = new PerAudioSecondsPrice(1, 5),
            },
            new ModelInfo
            {
                Name = "eleven_voice_dubbing", Output = MediaKind.Audio, Summary = "Dub speech into another language.",
                Endpoints = new[] { Endpoints.VoiceDubbing }, TakesPrompt = false, Price = new PerAudioSecondsPrice(2, 60),
            },
            new ModelInfo
            {
                Name = "eleven_voice_isolation", Output = MediaKind.Audio, Summary = "Isolate the voice from background sound.",
                Endpoints = new[] { Endpoints.VoiceIsolation }, TakesPrompt = false, InputDuration = new DurationRule(4.6, 3600, false, 60),
                Price = new PerAudioSecondsPrice(6, 60),
            },
        };
    }
}
