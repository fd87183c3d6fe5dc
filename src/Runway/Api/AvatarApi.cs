using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>
    /// The resource operations of voices, documents, avatars, realtime sessions and avatar conversations. Creates
    /// are sent as <see cref="RequestKind.CreateResource"/>: never repeated after it may have reached the server, and never a charge.
    /// </summary>
    public static class AvatarApi
    {
        public const string Voices = "v1/voices";
        public const string Documents = "v1/documents";
        public const string Avatars = "v1/avatars";
        public const string RealtimeSessions = "v1/realtime_sessions";
        public const string Conversations = "v1/avatar_conversations";
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        public static async Task<string> CreateAsync(this RunwayApi api, string collection, JsonObject body, CancellationToken cancellation)
        {
            JsonElement json = await api.Client.PostAsync(collection, body, RequestKind.CreateResource, cancellation).ConfigureAwait(false);
            string? id = JsonRead.String(json, "id");
            if (Strings.IsEmpty(id))
                throw new RunwayApiException($"Runway API: the response to POST /{collection} had no id.", "POST", "/" + collection, 200, null, null, AttemptOutcome.Response, false);
            return id;
        }

        public static async Task<T> GetAsync<T>(this RunwayApi api, string collection, string? id, Func<JsonElement, T> read, CancellationToken cancellation)
        {
            string path = ResourceId.Path(collection, id);
            return read(Object(await api.Client.GetAsync(path, cancellation).ConfigureAwait(false), "GET", path));
        }

        /// <summary>PATCH; returns the JSON body (Undefined for a 204, as documents answer).</summary>
        public static Task<JsonElement> UpdateAsync(this RunwayApi api, string collection, string? id, JsonObject body, CancellationToken cancellation) =>
            api.Client.SendAsync(Patch, ResourceId.Path(collection, id), body, RequestKind.Idempotent, cancellation);

        public static Task DeleteAsync(this RunwayApi api, string collection, string? id, CancellationToken cancellation) =>
            api.Client.DeleteAsync(ResourceId.Path(collection, id), cancellation);

        public static async Task<RunwayVoicePreview> PreviewVoiceAsync(this RunwayApi api, string model, string prompt, CancellationToken cancellation)
        {
            var body = new JsonObject { ["model"] = model, ["prompt"] = prompt };
            JsonElement json = await api.Client.PostAsync(Voices + "/preview", body, RequestKind.Safe, cancellation).ConfigureAwait(false);
            return RunwayVoicePreview.FromJson(Object(json, "POST", Voices + "/preview"), model, prompt);
        }

        public static async Task<RunwayAvatarUsage> GetAvatarUsageAsync(this RunwayApi api, DateTime start, DateTime end, CancellationToken cancellation)
        {
            string path = "v1/avatar_usage?startDate=" + Uri.EscapeDataString(Iso(start)) + "&endDate=" + Uri.EscapeDataString(Iso(end));
            JsonElement json = await api.Client.GetAsync(path, cancellation).ConfigureAwait(false);
            return RunwayAvatarUsage.FromJson(Object(json, "GET", "v1/avatar_usage"), start, end);
        }

        public static RunwayVoice ReadVoice(JsonElement json) => Seen.Voices.Remember(RunwayVoice.FromJson(json));
        public static RunwayDocument ReadDocument(JsonElement json) => Seen.Documents.Remember(RunwayDocument.FromJson(json));
        public static RunwayAvatar ReadAvatar(JsonElement json) => Seen.Avatars.Remember(RunwayAvatar.FromJson(json));
        public static RunwayRealtimeSession ReadSession(JsonElement json) => Seen.Sessions.Remember(RunwayRealtimeSession.FromJson(json));
        public static RunwayAvatarConversation ReadConversation(JsonElement json) => Seen.Conversations.Remember(RunwayAvatarConversation.FromJson(json));

        private static string Iso(DateTime value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static JsonElement Object(JsonElement json, string method, string path)
        {
            if (json.ValueKind == JsonValueKind.Object) return json;
            throw new RunwayApiException($"Runway API: the response to {method} /{path} was not a JSON object.", method, "/" + path, 200, null, null, AttemptOutcome.Response, false);
        }
    }

    /// <summary>The resources of one kind this process has seen (listed, fetched, created), for tab completion without a request.</summary>
    public sealed class ResourceDirectory<T> where T : class
    {
        private readonly Dictionary<string, T> known = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<T, string?> idOf;

        public ResourceDirectory(Func<T, string?> idOf)
        {
            this.idOf = idOf;
        }

        /// <summary>True once a list has been read in this process (so the directory is worth trusting).</summary>
        public bool Listed { get; set; }

        [return: NotNullIfNotNull("item")]
        public T? Remember(T? item)
        {
            if (item == null) return item;
            string? id = idOf(item);
            if (id != null) lock (known) known[id] = item;
            return item;
        }

        public void Forget(string? id)
        {
            if (id != null) lock (known) known.Remove(id);
        }

        public T? Find(string? id)
        {
            lock (known) return id != null && known.TryGetValue(id, out T? item) ? item : null;
        }

        public IReadOnlyList<T> All
        {
            get { lock (known) return new List<T>(known.Values); }
        }
    }

    /// <summary>What this process has seen of the user's own voices, documents, avatars, conversations, workflow runs and audit log entries.</summary>
    public static class Seen
    {
        public static readonly ResourceDirectory<RunwayVoice> Voices = new ResourceDirectory<RunwayVoice>(v => v.Id);
        public static readonly ResourceDirectory<RunwayDocument> Documents = new ResourceDirectory<RunwayDocument>(d => d.Id);
        public static readonly ResourceDirectory<RunwayAvatar> Avatars = new ResourceDirectory<RunwayAvatar>(a => a.Id);
        // Realtime sessions and workflow invocations have no list endpoint: completion offers those this process made or read.
        public static readonly ResourceDirectory<RunwayRealtimeSession> Sessions = new ResourceDirectory<RunwayRealtimeSession>(s => s.Id);
        public static readonly ResourceDirectory<RunwayAvatarConversation> Conversations = new ResourceDirectory<RunwayAvatarConversation>(c => c.Id);
        public static readonly ResourceDirectory<RunwayWorkflowInvocation> Invocations = new ResourceDirectory<RunwayWorkflowInvocation>(i => i.Id);
        public static readonly ResourceDirectory<RunwayAuditLogEntry> AuditLogs = new ResourceDirectory<RunwayAuditLogEntry>(e => e.EventId);
        // No endpoint lists organizations (the API names none in any answer): completion offers the ids this process was given.
        public static readonly ResourceDirectory<string> OrganizationIds = new ResourceDirectory<string>(id => id);
    }
}
