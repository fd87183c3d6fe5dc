using System;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>A custom voice (designed from a description or cloned from audio), as the API last reported it.</summary>
    public sealed class RunwayVoice
    {
        public const string Processing = "PROCESSING";
        public const string Ready = "READY";
        public const string Failed = "FAILED";

        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>PROCESSING, READY or FAILED.</summary>
        public string? Status { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>A signed URL of an MP3 sample (READY voices; may be null).</summary>
        public string? PreviewUrl { get; set; }
        /// <summary>Why the voice failed (FAILED only; the text is not stable).</summary>
        public string? FailureReason { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }

        public bool IsFinished => Status == Ready || Status == Failed;
        public override string? ToString() => Id;

        internal static RunwayVoice FromJson(JsonElement json) => new RunwayVoice
        {
            Id = JsonRead.String(json, "id"),
            Name = JsonRead.String(json, "name"),
            Description = JsonRead.String(json, "description"),
            Status = JsonRead.String(json, "status"),
            CreatedAt = JsonRead.Date(json, "createdAt"),
            PreviewUrl = JsonRead.String(json, "previewUrl"),
            FailureReason = JsonRead.String(json, "failureReason"),
            RetrievedAt = DateTimeOffset.Now,
        };
    }

    /// <summary>A short audio preview of a voice description (POST /v1/voices/preview); nothing is created.</summary>
    public sealed class RunwayVoicePreview
    {
        public string? Url { get; set; }
        public double? DurationSeconds { get; set; }
        public string? Model { get; set; }
        public string? Prompt { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }
        /// <summary>The API documents that the preview URL expires after 24 hours.</summary>
        public DateTimeOffset ExpiresAt => RetrievedAt.AddHours(24);
        public override string? ToString() => Url;

        internal static RunwayVoicePreview FromJson(JsonElement json, string model, string prompt) => new RunwayVoicePreview
        {
            Url = JsonRead.String(json, "url"),
            DurationSeconds = JsonRead.Number(json, "durationSecs"),
            Model = model,
            Prompt = prompt,
            RetrievedAt = DateTimeOffset.Now,
        };
    }
}
