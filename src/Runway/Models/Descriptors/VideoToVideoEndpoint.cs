// video_to_video: edit a video with a text prompt (New-RunwayVideo -Video).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VideoToVideo = "video_to_video";
    }

    /// <summary>video_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class VideoToVideoSection : EndpointSection
    {
        /// <summary>New-RunwayVideo tries its endpoints in this order: -Video picks video to video first.</summary>
        public VideoToVideoSection() : base(101, new EndpointInfo(Endpoints.VideoToVideo, "New-RunwayVideo", "aleph2", "Video")) { }
    }
}
