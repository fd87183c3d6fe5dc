// text_to_video: a video from a text prompt (New-RunwayVideo's default).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string TextToVideo = "text_to_video";
    }

    /// <summary>text_to_video's row; its models are the family's (<see cref="GenerationSection"/>), its builder New-RunwayVideo's (RequestBuilder.Video.cs).</summary>
    internal sealed class TextToVideoSection : EndpointSection
    {
        /// <summary>Last of New-RunwayVideo's endpoints: no selecting parameter, the one left when no media is given.</summary>
        public TextToVideoSection() : base(104, new EndpointInfo(Endpoints.TextToVideo, "New-RunwayVideo", "veo3.1_fast")) { }
    }
}
