namespace Runway.Models
{
    /// <summary>
    /// A media input as a request sees it: already classified and checked by the media layer, which implements
    /// this (Media.MediaSource) and later fills local files in as data URIs or uploads.
    /// </summary>
    public interface IMediaInput
    {
        /// <summary>Image, video or audio, when known (an https URL's kind is not).</summary>
        MediaKind? MediaKind { get; }
        /// <summary>A short name for messages: the file name, the URL, or "data URI (n chars)".</summary>
        string Display { get; }
        /// <summary>Length of audio or video, when it could be read locally.</summary>
        double? DurationSeconds { get; }
        /// <summary>Width and height in pixels, when they could be read locally.</summary>
        (int Width, int Height)? PixelSize { get; }
        /// <summary>A local file: its URI is known only once it is inlined or uploaded.</summary>
        bool IsLocal { get; }
        bool IsDataUri { get; }
        /// <summary>The URI to send (for a local file: its full path).</summary>
        string Value { get; }

        /// <summary>This input for a field that takes audio (an MP4 video counts as audio/mp4); throws RunwayInputException when it cannot serve.</summary>
        IMediaInput AsAudioInput(string parameter);
    }
}
