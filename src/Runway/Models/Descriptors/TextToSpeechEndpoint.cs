// text_to_speech: speech from text with a preset voice (New-RunwaySpeech -Text).
using System;
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string TextToSpeech = "text_to_speech";
    }

    /// <summary>text_to_speech's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwaySpeech's (RequestBuilder.Speech.cs).</summary>
    internal sealed class TextToSpeechSection : CatalogSection
    {
        /// <summary>After speech to speech: -Text picks text to speech.</summary>
        public override int Order => 107;
        public override IEnumerable<EndpointInfo> EndpointRows => Rows;
        public override IEnumerable<ModelInfo> Models => Array.Empty<ModelInfo>();

        private static readonly EndpointInfo[] Rows = { new EndpointInfo(Endpoints.TextToSpeech, "New-RunwaySpeech", "eleven_multilingual_v2", "Text") };
    }
}
