using Runway.Models;

namespace Runway.Media
{
    /// <summary>The reference's input limits. Sizes use decimal megabytes so that a file we accept is never over the API's limit.</summary>
    public static class MediaLimits
    {
        public const long Megabyte = 1000 * 1000;
        public const long UploadMaxBytes = 200 * Megabyte;

        /// <summary>Largest data URI (as a string) the API accepts inline for this kind.</summary>
        public static long DataUriMaxLength(MediaKind kind) => kind == MediaKind.Image ? 5 * Megabyte : 16 * Megabyte;

        /// <summary>Length of the data URI a file of this size becomes.</summary>
        public static long DataUriLength(long fileBytes, string mediaType) =>
            "data:".Length + mediaType.Length + ";base64,".Length + (fileBytes + 2) / 3 * 4;
    }
}
