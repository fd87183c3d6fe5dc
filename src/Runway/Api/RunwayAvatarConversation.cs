using System;
using System.Linq;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>
    /// A conversation with an avatar (every realtime session is one, with the same id). Listed conversations carry
    /// no transcript; fetched ones carry the transcript, tools and recording URL.
    /// </summary>
    public sealed class RunwayAvatarConversation
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>in_progress, ended or failed.</summary>
        public string? Status { get; set; }
        /// <summary>runway-preset or custom (null when the API gives no avatar).</summary>
        public string? AvatarType { get; set; }
        /// <summary>The preset id or the custom avatar's id.</summary>
        public string? AvatarId { get; set; }
        public string? AvatarName { get; set; }
        /// <summary>A custom avatar's image (fetched conversations only; null when unavailable or for a preset).</summary>
        public string? AvatarImageUrl { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? EndedAt { get; set; }
        public double? Duration { get; set; }
        public double? MaxDuration { get; set; }
        public bool? HasTools { get; set; }
        public string? RecordingUrl { get; set; }
        public string? Failure { get; set; }
        public string? FailureCode { get; set; }
        public RunwayConversationTool[] Tools { get; set; } = Array.Empty<RunwayConversationTool>();
        public RunwayConversationTurn[] Transcript { get; set; } = Array.Empty<RunwayConversationTurn>();
        public bool HasTranscript { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }
        public override string? ToString() => Id;

        internal static RunwayAvatarConversation FromJson(JsonElement json)
        {
            var conversation = new RunwayAvatarConversation
            {
                Id = JsonRead.String(json, "id"),
                Name = JsonRead.String(json, "name"),
                Status = JsonRead.String(json, "status"),
                CreatedAt = JsonRead.Date(json, "createdAt"),
                StartedAt = JsonRead.Date(json, "startedAt"),
                EndedAt = JsonRead.Date(json, "endedAt"),
                Duration = JsonRead.Number(json, "duration"),
                MaxDuration = JsonRead.Number(json, "maxDuration"),
                HasTools = JsonRead.Bool(json, "hasTools"),
                RecordingUrl = JsonRead.String(json, "recordingUrl"),
                Failure = JsonRead.String(json, "failure"),
                FailureCode = JsonRead.String(json, "failureCode"),
                Tools = JsonRead.Objects(json, "tools").Select(t => new RunwayConversationTool
                {
                    Type = JsonRead.String(t, "type"),
                    Name = JsonRead.String(t, "name"),
                    Description = JsonRead.String(t, "description"),
                }).ToArray(),
                HasTranscript = JsonRead.Member(json, "transcript") != null,
                Transcript = JsonRead.Objects(json, "transcript").Select(RunwayConversationTurn.FromJson).ToArray(),
                RetrievedAt = DateTimeOffset.Now,
            };
            if (JsonRead.Member(json, "avatar") is JsonElement avatar)
            {
                conversation.AvatarType = JsonRead.String(avatar, "type");
                conversation.AvatarId = JsonRead.String(avatar, "presetId") ?? JsonRead.String(avatar, "id");
                conversation.AvatarName = JsonRead.String(avatar, "name");
                conversation.AvatarImageUrl = JsonRead.String(avatar, "imageUrl");
            }
            if (conversation.Tools.Length > 0 && conversation.HasTools == null) conversation.HasTools = true;
            return conversation;
        }
    }

    public sealed class RunwayConversationTool
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public override string? ToString() => Name;
    }

    /// <summary>One entry of a transcript: what the user or the avatar said, and the tools the avatar called.</summary>
    public sealed class RunwayConversationTurn
    {
        /// <summary>user or assistant.</summary>
        public string? Role { get; set; }
        public string? Content { get; set; }
        public DateTimeOffset? Timestamp { get; set; }
        /// <summary>The tool calls' and results' JSON, as the API sent them.</summary>
        public string[] ToolCalls { get; set; } = Array.Empty<string>();
        public string[] ToolResults { get; set; } = Array.Empty<string>();
        public override string ToString() => $"{Role}: {Content}";

        internal static RunwayConversationTurn FromJson(JsonElement json) => new RunwayConversationTurn
        {
            Role = JsonRead.String(json, "role"),
            Content = JsonRead.String(json, "content"),
            Timestamp = JsonRead.Date(json, "timestamp"),
            ToolCalls = JsonRead.Objects(json, "toolCalls").Select(c => c.GetRawText()).ToArray(),
            ToolResults = JsonRead.Objects(json, "toolResults").Select(c => c.GetRawText()).ToArray(),
        };
    }

    /// <summary>Avatar usage over a date range (GET /v1/avatar_usage).</summary>
    public sealed class RunwayAvatarUsage
    {
        public DateTime StartDate { get; set; }
        public DateTime EndDate { get; set; }
        public double TotalSeconds { get; set; }
        public int TotalSessions { get; set; }
        public double AvgDurationSeconds { get; set; }
        public RunwayAvatarUsageDay[] ByDay { get; set; } = Array.Empty<RunwayAvatarUsageDay>();

        internal static RunwayAvatarUsage FromJson(JsonElement json, DateTime start, DateTime end) => new RunwayAvatarUsage
        {
            StartDate = start,
            EndDate = end,
            TotalSeconds = JsonRead.Number(json, "totalSeconds") ?? 0,
            TotalSessions = (int)(JsonRead.Number(json, "totalSessions") ?? 0),
            AvgDurationSeconds = JsonRead.Number(json, "avgDurationSeconds") ?? 0,
            ByDay = JsonRead.Objects(json, "byDay").Select(d => new RunwayAvatarUsageDay
            {
                Date = DateTime.TryParse(JsonRead.String(d, "date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime day) ? day : default,
                Seconds = JsonRead.Number(d, "seconds") ?? 0,
                Sessions = (int)(JsonRead.Number(d, "sessions") ?? 0),
            }).ToArray(),
        };
    }

    public sealed class RunwayAvatarUsageDay
    {
        public DateTime Date { get; set; }
        public double Seconds { get; set; }
        public int Sessions { get; set; }
    }
}
