// image_to_video: a video from one image, first and last frames, or reference images (New-RunwayVideo -Image).
using System;
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ImageToVideo = "image_to_video";
    }

    /// <summary>image_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class ImageToVideoSection : CatalogSection
    {
        /// <summary>After video to video and character performance: -Image or -LastFrame picks image to video.</summary>
        public override int Order => 103;
        public override IEnumerable<EndpointInfo> EndpointRows => Rows;
        public override IEnumerable<ModelInfo> Models => Array.Empty<ModelInfo>();

        private static readonly EndpointInfo[] Rows = { new EndpointInfo(Endpoints.ImageToVideo, "New-RunwayVideo", "gen4_turbo", "Image", "LastFrame") };
    }
}
