using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>The ElevenLabs endpoints: speech, speech to speech, sound effects, dubbing, isolation.</summary>
public static class AudioRules
{
    /// <summary>Roughly 15 characters of speech per second.</summary>
    private const double SpokenCharsPerSecond = 15;

    public static CreateRequest? TextToSpeech(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "voice");
        var prompt = r.String("promptText", true);
        Voice(r);
        if (prompt is null) return null;
        var seconds = Math.Max(1, Math.Round(prompt.Length / SpokenCharsPerSecond, 1));
        return new CreateRequest("text_to_speech", "eleven_multilingual_v2", Rules.Credits(prompt.Length / 50.0), OutputSpec.Wav(seconds), prompt);
    }

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
        return new CreateRequest("speech_to_speech", "eleven_multilingual_sts_v2", Rules.Credits(seconds / 3), OutputSpec.Wav(seconds), null);
    }

    public static CreateRequest? SoundEffect(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "duration", "loop");
        var prompt = r.String("promptText", true, 1, 3000);
        var seconds = r.Number("duration", false, 0.5, 30) ?? 5;
        r.Bool("loop");
        return new CreateRequest("sound_effect", "eleven_text_to_sound_v2", Rules.Credits(seconds), OutputSpec.Wav(seconds), prompt);
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
        return new CreateRequest("voice_dubbing", "eleven_voice_dubbing", Rules.Credits(seconds / 2), OutputSpec.Wav(seconds), null);
    }

    public static CreateRequest? VoiceIsolation(JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "audioUri");
        var info = r.Media("audioUri", true, MediaKind.Audio);
        if (info?.DurationSeconds is { } d && (d < 4.6 || d > 3600))
            ctx.Add(["audioUri"], $"Audio must last between 4.6 and 3600 seconds, received {d:0.###} seconds");
        var seconds = info?.DurationSeconds ?? Rules.DefaultAudioSeconds;
        return new CreateRequest("voice_isolation", "eleven_voice_isolation", Rules.Credits(seconds / 6), OutputSpec.Wav(seconds), null);
    }

    private static void Voice(ObjectReader r)
    {
        var voice = r.Object("voice", true, "type", "presetId");
        voice?.Enum("type", true, ["runway-preset"]);
        voice?.Enum("presetId", true, Catalog.VoicePresets);
    }
}
