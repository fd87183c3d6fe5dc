using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>The audio endpoints: speech (ElevenLabs, seed_audio), speech to speech, sound effects, dubbing, isolation.</summary>
public static partial class AudioRules
{
    /// <summary>Roughly 15 characters of speech per second.</summary>
    private const double SpokenCharsPerSecond = 15;

    public static CreateRequest? TextToSpeech(string model, JsonElement body, ValidationContext ctx) => model switch
    {
        "seed_audio" => SeedAudio("text_to_speech", body, ctx),
        "eleven_v3" => ElevenV3(body, ctx),
        _ => ElevenMultilingualV2(body, ctx),
    };

    private static CreateRequest? ElevenMultilingualV2(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "voice");
        var prompt = r.String("promptText", true);
        Voice(r);
        if (prompt is null) return null;
        return new CreateRequest("text_to_speech", "eleven_multilingual_v2", Prices.Public("eleven_multilingual_v2").For(prompt.Length), OutputSpec.Wav(SpokenSeconds(prompt)), prompt);
    }

    private static CreateRequest? ElevenV3(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "voice", "applyTextNormalization", "languageCode", "seed", "similarityBoost", "speed", "stability", "style", "useSpeakerBoost");
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        Voice(r);
        r.Enum("applyTextNormalization", false, ["auto", "on", "off"]);
        if (r.String("languageCode", false, 1, 16) is { } code && !IsoLanguage().IsMatch(code))
            ctx.Add(["languageCode"], $"Expected an ISO 639-1 language code (two lowercase letters), received {JsonTypes.Quote(code)}");
        Fields.Seed(r);
        r.Number("similarityBoost", false, 0, 1);
        r.Number("speed", false, 0.7, 1.2);
        r.Number("stability", false, 0, 1);
        r.Number("style", false, 0, 1);
        r.Bool("useSpeakerBoost");
        if (prompt is null || ctx.Failed) return null;
        var credits = Rules.Credits(Prices.Of("eleven_v3").Per50Characters * Math.Ceiling(prompt.Length / 50.0));
        return new CreateRequest("text_to_speech", "eleven_v3", credits, OutputSpec.Wav(SpokenSeconds(prompt)), prompt);
    }

    /// <summary>seed_audio on text_to_speech (an optional reference-audio voice) and sound_effect (up to three reference clips).</summary>
    private static CreateRequest? SeedAudio(string endpoint, JsonElement body, ValidationContext ctx)
    {
        var speech = endpoint == "text_to_speech";
        string[] common = ["promptText", "loudnessRate", "outputFormat", "pitchRate", "sampleRate", "speechRate"];
        var r = speech ? Rules.Root(body, ctx, [.. common, "voice"]) : Rules.Root(body, ctx, [.. common, "referenceAudios"]);
        var prompt = Fields.Prompt(r, true, Fields.Unbounded);
        r.Number("loudnessRate", false, double.MinValue, double.MaxValue);
        var format = r.Enum("outputFormat", false, ["wav", "mp3", "ogg_opus"]) ?? "wav";
        r.Number("pitchRate", false, double.MinValue, double.MaxValue);
        r.IntegerChoice("sampleRate", false, 8000, 16000, 24000, 32000, 44100, 48000);
        r.Number("speechRate", false, double.MinValue, double.MaxValue);
        if (speech)
        {
            var voice = r.Object("voice", false, "audioUri", "type");
            voice?.Media("audioUri", true, MediaKind.Audio);
            voice?.Enum("type", true, ["reference-audio"]);
        }
        else
        {
            foreach (var (item, path) in r.Array("referenceAudios", false, 0, 3) ?? [])
                ctx.Media(item, path, MediaKind.Audio);
        }
        if (prompt is null || ctx.Failed) return null;
        var seconds = speech ? SpokenSeconds(prompt) : SoundEffectSeconds;
        return new CreateRequest(endpoint, "seed_audio", Rules.Credits(Prices.Of("seed_audio").PerSecond * seconds), OutputSpec.Audio(format, seconds), prompt);
    }

    /// <summary>The simulator's length for a sound effect whose request names no duration.</summary>
    private const double SoundEffectSeconds = 5;

    private static double SpokenSeconds(string prompt) => Math.Max(1, Math.Round(prompt.Length / SpokenCharsPerSecond, 1));

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex IsoLanguage();

    public static CreateRequest? SpeechToSpeech(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "media", "voice", "removeBackgroundNoise");
        var media = r.Object("media", true, "type", "uri");
        MediaInfo? info = null;
        if (media?.Enum("type", true, ["audio", "video"]) is { } type)
            info = media.Media("uri", true, type == "audio" ? MediaKind.Audio : MediaKind.Video);
        else
            media?.Get("uri", true, "string");
        Voice(r);
        r.Bool("removeBackgroundNoise");
        var seconds = info?.DurationSeconds ?? Rules.DefaultAudioSeconds;
        return new CreateRequest("speech_to_speech", "eleven_multilingual_sts_v2", Prices.Public("eleven_multilingual_sts_v2").For(seconds), OutputSpec.Wav(seconds), null);
    }

    public static CreateRequest? SoundEffect(string model, JsonElement body, ValidationContext ctx)
    {
        if (model == "seed_audio") return SeedAudio("sound_effect", body, ctx);
        var r = Rules.Root(body, ctx, "promptText", "duration", "loop");
        var prompt = r.String("promptText", true, 1, 3000);
        var seconds = r.Number("duration", false, 0.5, 30) ?? SoundEffectSeconds;
        r.Bool("loop");
        return new CreateRequest("sound_effect", "eleven_text_to_sound_v2", Prices.Public("eleven_text_to_sound_v2").For(seconds), OutputSpec.Wav(seconds), prompt);
    }

    public static CreateRequest? VoiceDubbing(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "audioUri", "targetLang", "disableVoiceCloning", "dropBackgroundAudio", "numSpeakers");
        var info = r.Media("audioUri", true, MediaKind.Audio);
        r.Enum("targetLang", true, Catalog.DubbingLanguages);
        r.Bool("disableVoiceCloning");
        r.Bool("dropBackgroundAudio");
        r.Number("numSpeakers", false, 1, int.MaxValue, integer: true);
        var seconds = info?.DurationSeconds ?? Rules.DefaultAudioSeconds;
        return new CreateRequest("voice_dubbing", "eleven_voice_dubbing", Prices.Public("eleven_voice_dubbing").For(seconds), OutputSpec.Wav(seconds), null);
    }

    public static CreateRequest? VoiceIsolation(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "audioUri");
        var info = r.Media("audioUri", true, MediaKind.Audio);
        if (info?.DurationSeconds is { } d && (d < 4.6 || d > 3600))
            ctx.Add(["audioUri"], $"Audio must last between 4.6 and 3600 seconds, received {d:0.###} seconds");
        var seconds = info?.DurationSeconds ?? Rules.DefaultAudioSeconds;
        return new CreateRequest("voice_isolation", "eleven_voice_isolation", Prices.Public("eleven_voice_isolation").For(seconds), OutputSpec.Wav(seconds), null);
    }

    private static void Voice(ObjectReader r)
    {
        var voice = r.Object("voice", true, "type", "presetId");
        voice?.Enum("type", true, ["runway-preset"]);
        voice?.Enum("presetId", true, Catalog.VoicePresets);
    }
}
