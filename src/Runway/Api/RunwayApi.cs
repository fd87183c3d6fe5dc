using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;


namespace Runway.Api
{
    /// <summary>The API's operations as typed calls; everything goes through one <see cref="RunwayClient"/>.</summary>
    public sealed class RunwayApi
    {
        public RunwayApi(RunwayClient client)
        {
            Client = client;
        }

        public RunwayClient Client { get; }

        /// <summary>Told of every task read from the API (the task layer keeps its journal up to date with it).</summary>
        public Action<RunwayTask>? TaskSeen { get; set; }

        public async Task<RunwayTask> GetTaskAsync(string? id, CancellationToken cancellation)
        {
            JsonElement json = await Client.GetAsync(ResourceId.Path("v1/tasks", id), cancellation).ConfigureAwait(false);
            RunwayTask task = RunwayTask.FromJson(RequireObject(json, "GET", "/v1/tasks/" + id));
            TaskSeen?.Invoke(task);
            return task;
        }

        public Task DeleteTaskAsync(string id, CancellationToken cancellation) =>
            Client.DeleteAsync(ResourceId.Path("v1/tasks", id), cancellation);

        /// <summary>Starts a paid task. Sent once; repeated only when it provably never reached the server, or on 429.</summary>
        public async Task<RunwayTask> CreateTaskAsync(string endpoint, string model, JsonObject body, decimal? estimatedCredits, CancellationToken cancellation)
        {
            JsonElement json = await Client.PostAsync("v1/" + endpoint, body, RequestKind.CreateTask, cancellation).ConfigureAwait(false);
            string? id = json.ValueKind == JsonValueKind.Object ? RunwayTask.StringOf(json, "id") : null;
            if (Strings.IsEmpty(id))
                throw new RunwayApiException($"Runway API: the response to POST /v1/{endpoint} had no task id.", "POST", "/v1/" + endpoint, 200, null, null, AttemptOutcome.Response, true);
            // The API's own estimate, when it gives one, replaces the module's.
            estimatedCredits = RunwayTask.CreditsOf(json, "estimatedCost") ?? estimatedCredits;
            // A routed generation answers with the router's choice: its model and estimate are the task's.
            RunwayRouting? routing = RunwayRouting.FromResponse(json);
            if (routing != null)
            {
                model = routing.Model ?? model;
                estimatedCredits = routing.EstimatedCredits ?? estimatedCredits;
                TaskMetadata.RememberRouting(id, routing);
            }
            TaskMetadata.Remember(id, model, endpoint, estimatedCredits);
            return new RunwayTask
            {
                Id = id,
                Status = RunwayTask.Pending,
                Model = model,
                Endpoint = endpoint,
                EstimatedCredits = estimatedCredits,
                Routing = routing,
                CreatedAt = DateTimeOffset.Now,
                RetrievedAt = DateTimeOffset.Now,
            };
        }

        public async Task<RunwayCredit> GetOrganizationAsync(CancellationToken cancellation)
        {
            JsonElement json = await Client.GetAsync("v1/organization", cancellation).ConfigureAwait(false);
            return RunwayCredit.FromJson(RequireObject(json, "GET", "/v1/organization"));
        }

        public async Task<IReadOnlyList<RunwayUsageRecord>> GetUsageAsync(DateTime startDate, DateTime beforeDate, CancellationToken cancellation) =>
            (await GetUsageReportAsync(startDate, beforeDate, cancellation).ConfigureAwait(false)).Models;

        public async Task<RunwayUsageReport> GetUsageReportAsync(DateTime startDate, DateTime beforeDate, CancellationToken cancellation)
        {
            var body = new JsonObject
            {
                ["startDate"] = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["beforeDate"] = beforeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            JsonElement json = await Client.PostAsync("v1/organization/usage", body, RequestKind.Safe, cancellation).ConfigureAwait(false);
            JsonElement answer = RequireObject(json, "POST", "/v1/organization/usage");
            return new RunwayUsageReport
            {
                Models = new List<RunwayUsageRecord>(RunwayUsageRecord.FromJson(answer)),
                ByApiKey = RunwayApiKeyUsageRecord.FromJson(answer),
                ModelNames = JsonRead.Strings(answer, "models"),
                ApiKeyIds = JsonRead.Member(answer, "apiKeys") is JsonElement keys && keys.ValueKind == JsonValueKind.Array
                    ? JsonRead.Strings(answer, "apiKeys").Select(id => RunwayApiKeyUsageRecord.SafeKeyId(id)).ToArray()
                    : null,
            };
        }

        /// <summary>A success whose body is not a JSON object is an API error, not a crash further down.</summary>
        private static JsonElement RequireObject(JsonElement json, string method, string path)
        {
            if (json.ValueKind == JsonValueKind.Object) return json;
            throw new RunwayApiException($"Runway API: the response to {method} {path} was not a JSON object.", method, path, 200, null, null, AttemptOutcome.Response, false);
        }
    }
}
