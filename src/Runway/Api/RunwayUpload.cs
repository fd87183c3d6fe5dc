using System;

namespace Runway.Api
{
    /// <summary>A file uploaded for use as a media input; <see cref="Uri"/> (runway://…) works in any -Image/-Video/-Audio parameter for 24 hours.</summary>
    public sealed class RunwayUpload
    {
        public string Uri { get; set; } = "";
        public string Name { get; set; } = "";
        public string Path { get; set; } = "";
        public long Length { get; set; }
        public string MediaType { get; set; } = "";
        public DateTimeOffset UploadedAt { get; set; }
        /// <summary>The metadata sent with the file (-Metadata), or null.</summary>
        public string? Metadata { get; set; }
        public DateTimeOffset ExpiresAt => UploadedAt.AddHours(24);
        public override string ToString() => Uri;
    }
}
