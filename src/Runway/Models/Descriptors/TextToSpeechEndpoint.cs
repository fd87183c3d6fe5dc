// text_to_speech: speech from text with a preset voice (New-RunwaySpeech -Text).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string TextToSpeech = "text_to_speech";
    }

    /// <summary>text_to_speech's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwaySpeech's (RequestBuilder.Speech.cs).</summary>
    internal sealed class TextToSpeechSection : EndpointSection
    {
        /// <summary>After speech to speech: -Text picks text to speech.</summary>
        public TextToSpeechSection() : base(107, new EndpointInfo(Endpoints.TextToSpeech, "New-RunwaySpeech", "eleven_multilingual_v2", "Text")) { }
    }
}
