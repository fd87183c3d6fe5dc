using System;
using System.Linq;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>A knowledge document avatars can use. Listed documents carry no <see cref="Content"/> (null); fetched ones do.</summary>
    public sealed class RunwayDocument
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>text or file.</summary>
        public string? Type { get; set; }
        public string? Content { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>The avatars that use the document (not in lists).</summary>
        public RunwayDocumentUser[] UsedBy { get; set; } = Array.Empty<RunwayDocumentUser>();
        public DateTimeOffset RetrievedAt { get; set; }
        public int? Length => Content?.Length;
        public override string? ToString() => Id;

        internal static RunwayDocument FromJson(JsonElement json) => new RunwayDocument
        {
            Id = JsonRead.String(json, "id"),
            Name = JsonRead.String(json, "name"),
            Type = JsonRead.String(json, "type"),
            Content = JsonRead.String(json, "content"),
            CreatedAt = JsonRead.Date(json, "createdAt"),
            UpdatedAt = JsonRead.Date(json, "updatedAt"),
            UsedBy = JsonRead.Objects(json, "usedBy").Select(u => new RunwayDocumentUser
            {
                Id = JsonRead.String(u, "id"),
                Name = JsonRead.String(u, "name"),
                ImageUrl = JsonRead.String(u, "imageUrl"),
            }).ToArray(),
            RetrievedAt = DateTimeOffset.Now,
        };
    }

    /// <summary>An avatar that uses a document.</summary>
    public sealed class RunwayDocumentUser
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? ImageUrl { get; set; }
        public override string? ToString() => Name ?? Id;
    }
}
