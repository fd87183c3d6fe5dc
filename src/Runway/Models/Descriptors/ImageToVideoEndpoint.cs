// image_to_video: a video from one image, first and last frames, or reference images (New-RunwayVideo -Image).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ImageToVideo = "image_to_video";
    }

    /// <summary>image_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class ImageToVideoSection : EndpointSection
    {
        /// <summary>After video to video and character performance: -Image or -LastFrame picks image to video.</summary>
        public ImageToVideoSection() : base(103, new EndpointInfo(Endpoints.ImageToVideo, "New-RunwayVideo", "gen4_turbo", "Image", "LastFrame")) { }
    }
}
