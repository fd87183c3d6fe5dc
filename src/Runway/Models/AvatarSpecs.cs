using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>A validated request to create or change a resource (not a task): its JSON body and the media to fill in.</summary>
    public sealed class ResourceRequest
    {
        private readonly List<string[]> mediaPaths = new List<string[]>();

        public ResourceRequest(string summary)
        {
            Summary = summary;
        }

        public JsonObject Body { get; } = new JsonObject();
        public List<MediaSlot> Media { get; } = new List<MediaSlot>();
        /// <summary>Words for -WhatIf and -Verbose: "voice 'Narrator' from a description (eleven_ttv_v3)".</summary>
        public string Summary { get; set; }

        public void AddMedia(string key, IMediaInput source)
        {
            Media.Add(new MediaSlot(Body, key, source));
            mediaPaths.Add(new[] { key });
        }

        public void AddMedia(JsonObject parent, string parentKey, string key, IMediaInput source)
        {
            Media.Add(new MediaSlot(parent, key, source));
            mediaPaths.Add(new[] { parentKey, key });
        }

        /// <summary>Members of the body that carry secrets (a LiveKit token, a signed URL): never shown.</summary>
        public HashSet<string> Secret { get; } = new HashSet<string>();

        /// <summary>The body with local files and data URIs shown by name (nothing long, nothing secret).</summary>
        public string DescribeBody()
        {
            // Parse answers null only for the text "null"; an object's JSON parses back to an object.
            JsonObject copy = JsonNode.Parse(Body.ToJsonString())!.AsObject();
            foreach (string key in Secret)
                if (copy.ContainsKey(key)) copy[key] = "<hidden: holds credentials>";
            for (int i = 0; i < Media.Count; i++)
            {
                JsonObject? parent = copy;
                string[] path = mediaPaths[i];
                for (int p = 0; p < path.Length - 1 && parent != null; p++) parent = parent[path[p]] as JsonObject;
                if (parent != null)
                    parent[path[path.Length - 1]] = Media[i].Source.IsLocal || Media[i].Source.IsDataUri ? $"<{Media[i].Source.Display}>" : Media[i].Source.Value;
            }
            return copy.ToJsonString(Api.RunwayClient.BodyOptions);
        }
    }

    /// <summary>New-RunwayVoice: a design (Prompt, Model) or a clone (Audio).</summary>
    public sealed class VoiceSpec
    {
        public string? Name { get; set; }
        /// <summary>Null: not given; empty: sent as null.</summary>
        public string? Description { get; set; }
        public string? Model { get; set; }
        public string? Prompt { get; set; }
        public IMediaInput? Audio { get; set; }
    }

    /// <summary>Set-RunwayVoice and Set-RunwayDocument: null members are left unchanged.</summary>
    public sealed class UpdateSpec
    {
        public string? Name { get; set; }
        /// <summary>Voices: an empty string clears the description. Documents: the new content.</summary>
        public string? Description { get; set; }
        public string? Content { get; set; }
    }

    public sealed class AvatarSpec
    {
        public string? Name { get; set; }
        public string? Personality { get; set; }
        public IMediaInput? ReferenceImage { get; set; }
        public string? Voice { get; set; }
        /// <summary>Null: not given (update: unchanged); empty: no documents.</summary>
        public string[]? DocumentIds { get; set; }
        public string? ImageProcessing { get; set; }
        /// <summary>Null: not given; empty on update: cleared.</summary>
        public string? StartScript { get; set; }
    }

    public sealed class RealtimeSessionSpec
    {
        public string? Avatar { get; set; }
        public double? MaxDuration { get; set; }
        public string? Personality { get; set; }
        public string? StartScript { get; set; }
        public JsonArray? Tools { get; set; }
        public JsonObject? Integration { get; set; }
    }
}
