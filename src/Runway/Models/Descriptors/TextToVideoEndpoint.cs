// text_to_video: a video from a text prompt (New-RunwayVideo's default).
using System;
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string TextToVideo = "text_to_video";
    }

    /// <summary>text_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class TextToVideoSection : CatalogSection
    {
        /// <summary>Last of New-RunwayVideo's endpoints: no selecting parameter, the one left when no media is given.</summary>
        public override int Order => 104;
        public override IEnumerable<EndpointInfo> EndpointRows => Rows;
        public override IEnumerable<ModelInfo> Models => Array.Empty<ModelInfo>();

        private static readonly EndpointInfo[] Rows = { new EndpointInfo(Endpoints.TextToVideo, "New-RunwayVideo", "veo3.1_fast") };
    }
}
