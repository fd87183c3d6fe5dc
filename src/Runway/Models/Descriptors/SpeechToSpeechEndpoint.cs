// speech_to_speech: re-voice an audio or video file with a preset voice (New-RunwaySpeech -Audio or -Video).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string SpeechToSpeech = "speech_to_speech";
    }

    /// <summary>speech_to_speech's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwaySpeech's (RequestBuilder.Speech.cs).</summary>
    internal sealed class SpeechToSpeechSection : EndpointSection
    {
        /// <summary>New-RunwaySpeech tries speech to speech first: -Audio or -Video picks it.</summary>
        public SpeechToSpeechSection() : base(106, new EndpointInfo(Endpoints.SpeechToSpeech, "New-RunwaySpeech", "eleven_multilingual_sts_v2", "Audio", "Video")) { }
    }
}
