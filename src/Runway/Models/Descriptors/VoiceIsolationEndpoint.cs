// voice_isolation: isolate the voice of an audio or MP4 file from its background sound (New-RunwayVoiceIsolation).
using System;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VoiceIsolation = "voice_isolation";
    }

    /// <summary>What New-RunwayVoiceIsolation collected.</summary>
    public sealed class VoiceIsolationSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Audio { get; set; }
    }

    /// <summary>voice_isolation's row and its one model, eleven_voice_isolation (its request is built by hand below, not from the field tables).</summary>
    internal sealed class VoiceIsolationSection : EndpointSection
    {
        public VoiceIsolationSection() : base(110, new EndpointInfo(Endpoints.VoiceIsolation, "New-RunwayVoiceIsolation", "eleven_voice_isolation"), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "eleven_voice_isolation", Output = MediaKind.Audio, Summary = "Isolate the voice from background sound.",
                Endpoints = new[] { Endpoints.VoiceIsolation }, TakesPrompt = false, InputDuration = new DurationRule(4.6, 3600, false, 60),
                Price = new PerAudioSecondsPrice(6, 60),
            },
        };
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest VoiceIsolation(VoiceIsolationSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.VoiceIsolation);
            var request = new GenerationRequest(Endpoints.VoiceIsolation, model);
            IMediaInput audio = AudioInput(spec.Audio, "Audio");
            double? length = audio.DurationSeconds;
            if (length.HasValue && model.InputDuration != null && !model.InputDuration.Accepts(length.Value))
                throw Invalid("Audio", "Runway.InvalidDuration",
                    $"-Audio '{audio.Display}' lasts {DurationRule.Format(Math.Round(length.Value, 2))} s; {model.Name} needs {model.InputDuration.Describe()} of audio.", audio.Value);
            request.AddMedia(request.Body, "audioUri", audio);
            request.Cost.InputSeconds = length;
            request.Details.Add("from " + Describe(audio));
            return request;
        }
    }
}
