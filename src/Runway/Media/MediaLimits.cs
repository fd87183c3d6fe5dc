using Runway.Models;

namespace Runway.Media
{
    /// <summary>The reference's input limits. Sizes use decimal megabytes so that a file we accept is never over the API's limit.</summary>
    public static class MediaLimits
    {
        public const long Megabyte = 1000 * 1000;
        public const long UploadMaxBytes = 200 * Megabyte;

        /// <summary>
        /// Largest data URI the API accepts inline, for every media kind (SDK 4.17.1: "base64 data URI (...), up to 5MB").
        /// Measured on the whole URI string, prefix included, as the reference reads it ("a 5MB data URI limit means
        /// ~3.3MB binary max"); the SDK does not say decimal or binary, so the smaller (5,000,000 characters) is used.
        /// </summary>
        public const long DataUriMaxLength = 5 * Megabyte;

        /// <summary>Length of the data URI a file of this size becomes.</summary>
        public static long DataUriLength(long fileBytes, string mediaType) =>
            "data:".Length + mediaType.Length + ";base64,".Length + (fileBytes + 2) / 3 * 4;
    }
}
