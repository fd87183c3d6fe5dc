using System;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>A custom avatar: a face, a voice, a personality and optional knowledge documents.</summary>
    public sealed class RunwayAvatar
    {
        public const string Processing = "PROCESSING";
        public const string Ready = "READY";
        public const string Failed = "FAILED";

        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>PROCESSING, READY or FAILED.</summary>
        public string? Status { get; set; }
        public string? Personality { get; set; }
        public string? StartScript { get; set; }
        public RunwayAvatarVoice? Voice { get; set; }
        public string[] DocumentIds { get; set; } = Array.Empty<string>();
        public string? ReferenceImageUri { get; set; }
        public string? ProcessedImageUri { get; set; }
        public string? FailureReason { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }

        public bool IsFinished => Status == Ready || Status == Failed;
        public override string? ToString() => Id;

        internal static RunwayAvatar FromJson(JsonElement json) => new RunwayAvatar
        {
            Id = JsonRead.String(json, "id"),
            Name = JsonRead.String(json, "name"),
            Status = JsonRead.String(json, "status"),
            Personality = JsonRead.String(json, "personality"),
            StartScript = JsonRead.String(json, "startScript"),
            Voice = JsonRead.Member(json, "voice") is JsonElement voice ? RunwayAvatarVoice.FromJson(voice) : null,
            DocumentIds = JsonRead.Strings(json, "documentIds"),
            ReferenceImageUri = JsonRead.String(json, "referenceImageUri"),
            ProcessedImageUri = JsonRead.String(json, "processedImageUri"),
            FailureReason = JsonRead.String(json, "failureReason"),
            CreatedAt = JsonRead.Date(json, "createdAt"),
            UpdatedAt = JsonRead.Date(json, "updatedAt"),
            RetrievedAt = DateTimeOffset.Now,
        };
    }

    /// <summary>An avatar's voice: a live preset (<see cref="PresetId"/>) or a custom voice (<see cref="Id"/>; <see cref="Deleted"/> once removed).</summary>
    public sealed class RunwayAvatarVoice
    {
        /// <summary>runway-live-preset or custom.</summary>
        public string? Type { get; set; }
        public string? PresetId { get; set; }
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool Deleted { get; set; }
        public bool IsCustom => Type == "custom";

        public override string? ToString() =>
            IsCustom ? (Deleted ? $"{Id} (deleted)" : $"{Name ?? Id} (custom)") : PresetId;

        internal static RunwayAvatarVoice FromJson(JsonElement json) => new RunwayAvatarVoice
        {
            Type = JsonRead.String(json, "type"),
            PresetId = JsonRead.String(json, "presetId"),
            Id = JsonRead.String(json, "id"),
            Name = JsonRead.String(json, "name"),
            Description = JsonRead.String(json, "description"),
            Deleted = JsonRead.Bool(json, "deleted") ?? false,
        };
    }
}
