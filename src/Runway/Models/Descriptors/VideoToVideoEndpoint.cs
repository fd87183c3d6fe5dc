// video_to_video: edit a video with a text prompt (New-RunwayVideo -Video).
using System;
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VideoToVideo = "video_to_video";
    }

    /// <summary>video_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class VideoToVideoSection : CatalogSection
    {
        /// <summary>New-RunwayVideo tries its endpoints in this order: -Video picks video to video first.</summary>
        public override int Order => 101;
        public override IEnumerable<EndpointInfo> EndpointRows => Rows;
        public override IEnumerable<ModelInfo> Models => Array.Empty<ModelInfo>();

        private static readonly EndpointInfo[] Rows = { new EndpointInfo(Endpoints.VideoToVideo, "New-RunwayVideo", "aleph2", "Video") };
    }
}
