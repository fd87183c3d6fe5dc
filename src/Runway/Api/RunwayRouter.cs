using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>A Model Router configuration: routed generation (/v1/generate/*) names it by its slug.</summary>
    public sealed class RunwayRouter
    {
        public string? Id { get; set; }
        public string? Slug { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>Goes up by one each time the settings change.</summary>
        public int Version { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>cost, latency or quality (cost when the settings leave it out).</summary>
        public string? OptimizeFor { get; set; }
        /// <summary>allowlist_only (only ModelIds) or allow_new_except (every model but ModelIds); null: every model.</summary>
        public string? ModelsMode { get; set; }
        public string[] ModelIds { get; set; } = Array.Empty<string>();
        /// <summary>Whether a model at capacity is skipped for the next best one; null when not set.</summary>
        public bool? FallbackOnCapacity { get; set; }
        public decimal? MaxVideoCredits { get; set; }
        public decimal? MaxImageCredits { get; set; }
        public decimal? MaxAudioCredits { get; set; }
        /// <summary>The settings object as the API sent it.</summary>
        public string? SettingsJson { get; set; }
        public override string? ToString() => Slug;

        internal static RunwayRouter FromJson(JsonElement json)
        {
            var router = new RunwayRouter
            {
                Id = RunwayTask.StringOf(json, "id"),
                Slug = RunwayTask.StringOf(json, "slug"),
                Name = RunwayTask.StringOf(json, "name"),
                Description = RunwayTask.StringOf(json, "description"),
                Version = WorkflowJson.Int(json, "version"),
                CreatedAt = WorkflowJson.Date(json, "createdAt"),
                UpdatedAt = WorkflowJson.Date(json, "updatedAt"),
            };
            if (json.TryGetProperty("settings", out JsonElement settings) && settings.ValueKind == JsonValueKind.Object)
            {
                router.SettingsJson = settings.GetRawText();
                router.OptimizeFor = RunwayTask.StringOf(settings, "optimizeFor");
                if (settings.TryGetProperty("models", out JsonElement models) && models.ValueKind == JsonValueKind.Object)
                {
                    router.ModelsMode = RunwayTask.StringOf(models, "mode");
                    if (models.TryGetProperty("ids", out JsonElement ids) && ids.ValueKind == JsonValueKind.Array)
                        router.ModelIds = ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString() ?? string.Empty).ToArray();
                }
                if (settings.TryGetProperty("fallback", out JsonElement fallback) && fallback.ValueKind == JsonValueKind.Object
                    && fallback.TryGetProperty("onCapacity", out JsonElement on) && (on.ValueKind == JsonValueKind.True || on.ValueKind == JsonValueKind.False))
                    router.FallbackOnCapacity = on.GetBoolean();
                if (settings.TryGetProperty("maxCreditsPerGeneration", out JsonElement caps) && caps.ValueKind == JsonValueKind.Object)
                {
                    router.MaxVideoCredits = Number(caps, "video");
                    router.MaxImageCredits = Number(caps, "image");
                    router.MaxAudioCredits = Number(caps, "audio");
                }
            }
            return router;
        }

        private static decimal? Number(JsonElement json, string name) =>
            json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : (decimal?)null;
    }

    /// <summary>One routing decision of a router (GET /v1/routers/{id}/requests): which model, why, and what was filtered out.</summary>
    public sealed class RunwayRouterRequest
    {
        public string? Id { get; set; }
        public string? RouterId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>routed, no_eligible_model, router_config_not_found, invalid_request or error.</summary>
        public string? Status { get; set; }
        public string? Model { get; set; }
        public string? Provider { get; set; }
        public string? Reason { get; set; }
        public string? ReasonCode { get; set; }
        /// <summary>The filters that left no model (capability, prompt_length, input_support, allow_deny, price).</summary>
        public string[] EmptiedBy { get; set; } = Array.Empty<string>();
        public decimal? EstimatedCredits { get; set; }
        public string? RequestId { get; set; }
        public string? TaskId { get; set; }
        /// <summary>The routing steps in order, as the API sent them (filters, capacity, rank).</summary>
        public string? PipelineJson { get; set; }
        public override string? ToString() => Id;

        internal static RunwayRouterRequest FromJson(JsonElement json, string routerId) => new RunwayRouterRequest
        {
            Id = RunwayTask.StringOf(json, "id"),
            RouterId = routerId,
            CreatedAt = WorkflowJson.Date(json, "createdAt"),
            Status = RunwayTask.StringOf(json, "status"),
            Model = RunwayTask.StringOf(json, "model"),
            Provider = RunwayTask.StringOf(json, "provider"),
            Reason = RunwayTask.StringOf(json, "reason"),
            ReasonCode = RunwayTask.StringOf(json, "reasonCode"),
            RequestId = RunwayTask.StringOf(json, "requestId"),
            TaskId = RunwayTask.StringOf(json, "taskId"),
            EstimatedCredits = json.TryGetProperty("estimatedCredits", out JsonElement c) && c.ValueKind == JsonValueKind.Number ? c.GetDecimal() : (decimal?)null,
            EmptiedBy = json.TryGetProperty("emptiedBy", out JsonElement e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? string.Empty).ToArray() : Array.Empty<string>(),
            PipelineJson = json.TryGetProperty("pipeline", out JsonElement p) ? p.GetRawText() : null,
        };
    }

    /// <summary>The router operations of the API.</summary>
    public static class RouterApi
    {
        public const string ListPath = "v1/routers";

        /// <summary>Counts the router changes this process made, so that a completion cache of the list knows it is stale.</summary>
        private static int changes;
        public static int Changes => Volatile.Read(ref changes);

        public static async Task<RunwayRouter> GetRouterAsync(this RunwayApi api, string id, CancellationToken cancellation) =>
            RunwayRouter.FromJson(await api.Client.GetAsync(ResourceId.Path(ListPath, id), cancellation).ConfigureAwait(false));

        /// <summary>Creates a router; sent once (a retried create could meet its own slug).</summary>
        public static async Task<RunwayRouter> CreateRouterAsync(this RunwayApi api, JsonObject body, CancellationToken cancellation)
        {
            Interlocked.Increment(ref changes);
            return RunwayRouter.FromJson(await api.Client.PostAsync(ListPath, body, RequestKind.CreateResource, cancellation).ConfigureAwait(false));
        }

        public static async Task<RunwayRouter> UpdateRouterAsync(this RunwayApi api, string id, JsonObject body, CancellationToken cancellation) =>
            RunwayRouter.FromJson(await api.Client.SendAsync(new HttpMethod("PATCH"), ResourceId.Path(ListPath, id), body, RequestKind.Idempotent, cancellation).ConfigureAwait(false));

        public static Task DeleteRouterAsync(this RunwayApi api, string id, CancellationToken cancellation)
        {
            Interlocked.Increment(ref changes);
            return api.Client.DeleteAsync(ResourceId.Path(ListPath, id), cancellation);
        }

        /// <summary>
        /// The router that <paramref name="idOrSlug"/> names, by slug or by id (every cmdlet that names a router takes either),
        /// from the list (free, read until found); null when no router has it.
        /// </summary>
        public static async Task<RunwayRouter?> FindRouterAsync(this RunwayApi api, string idOrSlug, CancellationToken cancellation)
        {
            RunwayRouter? found = null;
            await CursorPages.ForEachAsync(api.Client, ListPath, null, null, item =>
            {
                if (RunwayTask.StringOf(item, "slug") != idOrSlug && RunwayTask.StringOf(item, "id") != idOrSlug) return true;
                found = RunwayRouter.FromJson(item);
                return false;
            }, cancellation).ConfigureAwait(false);
            return found;
        }

        /// <summary>The id of the router <paramref name="idOrSlug"/> names: a UUID is an id as it is (nothing is read), else the list is.</summary>
        public static async Task<string?> RouterIdAsync(this RunwayApi api, string idOrSlug, CancellationToken cancellation) =>
            Guid.TryParse(idOrSlug, out _) ? idOrSlug : (await api.FindRouterAsync(idOrSlug, cancellation).ConfigureAwait(false))?.Id;

        public static string RequestsPath(string id) => ResourceId.Path(ListPath, id) + "/requests";
    }
}
