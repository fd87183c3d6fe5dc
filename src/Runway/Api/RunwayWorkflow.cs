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
    /// <summary>One published version of a workflow, as GET /v1/workflows lists it (newest version first).</summary>
    public sealed class RunwayWorkflowVersion
    {
        public string? Name { get; set; }
        public int Version { get; set; }
        /// <summary>The id of this version: what Get-RunwayWorkflow -Id and Invoke-RunwayWorkflow take.</summary>
        public string? Id { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>True for the newest version of its workflow.</summary>
        public bool IsLatest { get; set; }
        public override string? ToString() => Id;
    }

    /// <summary>One input a workflow declares: an output of one of its input nodes that a run may set.</summary>
    public sealed class RunwayWorkflowInput
    {
        // Every input has a node and a key: the reader skips an input node without an id.
        public string NodeId { get; set; } = string.Empty;
        public string NodeName { get; set; } = string.Empty;
        public string Key { get; set; } = string.Empty;
        /// <summary>primitive, image, video or audio.</summary>
        public string? Type { get; set; }
        /// <summary>For a primitive: string, number or boolean.</summary>
        public string? ValueType { get; set; }
        public bool Required { get; set; }
        public object? Default { get; set; }
        /// <summary>How Invoke-RunwayWorkflow -Inputs names it: "Node name.key".</summary>
        public string Name => NodeName + "." + Key;
        public string Kind => Type == null ? "typed value" : Type == "primitive" ? ValueType ?? "primitive" : Type;
        public override string ToString() => Name;
    }

    /// <summary>A workflow version in full (GET /v1/workflows/{id}), with the inputs its graph declares.</summary>
    public sealed class RunwayWorkflow
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public int Version { get; set; }
        public string? Description { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public RunwayWorkflowInput[] Inputs { get; set; } = Array.Empty<RunwayWorkflowInput>();
        /// <summary>Names of the nodes that are not inputs (what the workflow makes).</summary>
        public string?[] Steps { get; set; } = Array.Empty<string>();
        /// <summary>False when the graph's input nodes are not in the shape this module reads (the SDK types nodes as unknown): inputs are then sent unchecked.</summary>
        public bool InputsKnown { get; set; }
        /// <summary>The graph as the API sent it ({ nodes, edges, version }).</summary>
        public string? GraphJson { get; set; }
        /// <summary>Every node id of the graph, with its name (nodeOutputs takes any node id of the graph); empty when the graph has no readable node list.</summary>
        public IReadOnlyDictionary<string, string> NodeIds { get; set; } = new Dictionary<string, string>();
        public override string? ToString() => Id;

        internal static RunwayWorkflow FromJson(JsonElement json)
        {
            var workflow = new RunwayWorkflow
            {
                Id = RunwayTask.StringOf(json, "id"),
                Name = RunwayTask.StringOf(json, "name"),
                Description = RunwayTask.StringOf(json, "description"),
                Version = WorkflowJson.Int(json, "version"),
                CreatedAt = WorkflowJson.Date(json, "createdAt"),
                UpdatedAt = WorkflowJson.Date(json, "updatedAt"),
            };
            if (!json.TryGetProperty("graph", out JsonElement graph) || graph.ValueKind != JsonValueKind.Object) return workflow;
            workflow.GraphJson = graph.GetRawText();
            if (!graph.TryGetProperty("nodes", out JsonElement nodes) || nodes.ValueKind != JsonValueKind.Array) return workflow;
            var inputs = new List<RunwayWorkflowInput>();
            var steps = new List<string?>();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            bool readable = true;
            foreach (JsonElement node in nodes.EnumerateArray())
            {
                string? type = RunwayTask.StringOf(node, "type"), id = RunwayTask.StringOf(node, "id"), name = RunwayTask.StringOf(node, "name") ?? id;
                if (id != null) ids[id] = name ?? id;
                if (type != "input")
                {
                    steps.Add(name);
                    continue;
                }
                if (id == null || !node.TryGetProperty("outputs", out JsonElement outputs) || outputs.ValueKind != JsonValueKind.Object)
                {
                    readable = false;
                    continue;
                }
                foreach (JsonProperty output in outputs.EnumerateObject())
                {
                    JsonElement declared = output.Value;
                    inputs.Add(new RunwayWorkflowInput
                    {
                        NodeId = id,
                        NodeName = name ?? id,
                        Key = output.Name,
                        Type = RunwayTask.StringOf(declared, "type"),
                        ValueType = RunwayTask.StringOf(declared, "valueType"),
                        Required = declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty("required", out JsonElement required) && required.ValueKind == JsonValueKind.True,
                        Default = declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty("default", out JsonElement value) ? WorkflowJson.Plain(value) : null,
                    });
                }
            }
            workflow.Inputs = inputs.ToArray();
            workflow.Steps = steps.ToArray();
            workflow.NodeIds = ids;
            workflow.InputsKnown = readable && inputs.All(i => i.Type != null);
            return workflow;
        }
    }

    /// <summary>A run of a workflow (GET /v1/workflow_invocations/{id}).</summary>
    public sealed class RunwayWorkflowInvocation
    {
        public string? Id { get; set; }
        /// <summary>The workflow version that was run, when this session started it.</summary>
        public string? WorkflowId { get; set; }
        public string? WorkflowName { get; set; }
        public string? Status { get; set; }
        public double? Progress { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Output URLs by node id.</summary>
        public IDictionary<string, string[]> NodeOutputs { get; set; } = new Dictionary<string, string[]>();
        /// <summary>Nodes that failed, by node id: their message, failure code and name.</summary>
        public IDictionary<string, RunwayNodeError> NodeErrors { get; set; } = new Dictionary<string, RunwayNodeError>();
        public string? Failure { get; set; }
        public string? FailureCode { get; set; }

        /// <summary>Every output URL, node by node.</summary>
        public string[] Output => NodeOutputs.SelectMany(n => n.Value).ToArray();
        public bool IsFinished => RunwayTask.IsFinalStatus(Status);
        /// <summary>SUCCEEDED with nodes that failed: some outputs are missing.</summary>
        public bool IsPartial => Status == RunwayTask.Succeeded && NodeErrors.Count > 0;
        /// <summary>Succeeded, PartiallySucceeded, Failed, Cancelled, or the status while it runs.</summary>
        public string? Outcome => IsPartial ? "PartiallySucceeded" : Status;
        public override string? ToString() => Id;

        internal void KeepKnown(RunwayWorkflowInvocation? earlier)
        {
            if (earlier == null) return;
            WorkflowId = WorkflowId ?? earlier.WorkflowId;
            WorkflowName = WorkflowName ?? earlier.WorkflowName;
        }

        internal static RunwayWorkflowInvocation FromJson(JsonElement json)
        {
            var invocation = new RunwayWorkflowInvocation
            {
                Id = RunwayTask.StringOf(json, "id"),
                Status = RunwayTask.StringOf(json, "status"),
                Failure = RunwayTask.StringOf(json, "failure"),
                FailureCode = RunwayTask.StringOf(json, "failureCode"),
                CreatedAt = WorkflowJson.Date(json, "createdAt"),
            };
            if (json.TryGetProperty("progress", out JsonElement progress) && progress.ValueKind == JsonValueKind.Number)
                invocation.Progress = progress.GetDouble();
            if (json.TryGetProperty("output", out JsonElement output) && output.ValueKind == JsonValueKind.Object)
                foreach (JsonProperty node in output.EnumerateObject())
                    if (node.Value.ValueKind == JsonValueKind.Array)
                        invocation.NodeOutputs[node.Name] = node.Value.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString() ?? string.Empty).ToArray();
            if (json.TryGetProperty("nodeErrors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (JsonProperty node in errors.EnumerateObject())
                    invocation.NodeErrors[node.Name] = new RunwayNodeError
                    {
                        NodeId = node.Name,
                        NodeName = RunwayTask.StringOf(node.Value, "nodeName"),
                        Message = RunwayTask.StringOf(node.Value, "message"),
                        FailureCode = RunwayTask.StringOf(node.Value, "failureCode"),
                    };
            return invocation;
        }
    }

    public sealed class RunwayNodeError
    {
        public string? NodeId { get; set; }
        public string? NodeName { get; set; }
        public string? Message { get; set; }
        public string? FailureCode { get; set; }
        public override string ToString() => $"{NodeName ?? NodeId}: {Message}" + (FailureCode != null ? $" [{FailureCode}]" : "");
    }

    /// <summary>The workflow operations of the API (list, retrieve, run, and the invocation's state).</summary>
    public static class WorkflowApi
    {
        /// <summary>The endpoint a journaled workflow run is recorded under (its status is read there, not from /v1/tasks).</summary>
        public const string RunEndpoint = "workflow_invocations";

        /// <summary>What the journal and Get-RunwayTask show as a run's model.</summary>
        public static string RunModel(RunwayWorkflow workflow) => "workflow:" + workflow.Name;

        public static bool IsRun(string? endpoint) => string.Equals(endpoint, RunEndpoint, StringComparison.OrdinalIgnoreCase);

        /// <summary>A journaled item's current state: a task from /v1/tasks, a workflow run from /v1/workflow_invocations, as a task.</summary>
        public static async Task<RunwayTask> GetTaskOrRunAsync(this RunwayApi api, string? id, string? endpoint, CancellationToken cancellation)
        {
            if (!IsRun(endpoint)) return await api.GetTaskAsync(id, cancellation).ConfigureAwait(false);
            return AsTask(await api.GetInvocationAsync(id, cancellation).ConfigureAwait(false));
        }

        /// <summary>A run as a task: id, status, progress, outputs (node by node), failure; its endpoint says it is a run.</summary>
        public static RunwayTask AsTask(RunwayWorkflowInvocation run) => new RunwayTask
        {
            Id = run.Id,
            Status = run.Status,
            Progress = run.Progress,
            CreatedAt = run.CreatedAt,
            Model = run.WorkflowName,
            Endpoint = RunEndpoint,
            Output = run.Output,
            Failure = run.Failure ?? (run.NodeErrors.Count > 0 ? string.Join("; ", run.NodeErrors.Values) : null),
            FailureCode = run.FailureCode,
        };

        public static async Task<IReadOnlyList<RunwayWorkflowVersion>> ListWorkflowsAsync(this RunwayApi api, CancellationToken cancellation)
        {
            JsonElement json = await api.Client.GetAsync("v1/workflows", cancellation).ConfigureAwait(false);
            var versions = new List<RunwayWorkflowVersion>();
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
                throw new RunwayApiException("Runway API: the response to GET /v1/workflows had no data list.", "GET", "/v1/workflows", 200, null, null, AttemptOutcome.Response, false);
            foreach (JsonElement workflow in data.EnumerateArray())
            {
                string? name = RunwayTask.StringOf(workflow, "name");
                if (!workflow.TryGetProperty("versions", out JsonElement list) || list.ValueKind != JsonValueKind.Array) continue;
                bool first = true;
                foreach (JsonElement version in list.EnumerateArray())
                {
                    versions.Add(new RunwayWorkflowVersion
                    {
                        Name = name,
                        Id = RunwayTask.StringOf(version, "id"),
                        Version = WorkflowJson.Int(version, "version"),
                        CreatedAt = WorkflowJson.Date(version, "createdAt"),
                        IsLatest = first,
                    });
                    first = false;
                }
            }
            return versions;
        }

        public static async Task<RunwayWorkflow> GetWorkflowAsync(this RunwayApi api, string id, CancellationToken cancellation)
        {
            JsonElement json = await api.Client.GetAsync(ResourceId.Path("v1/workflows", id), cancellation).ConfigureAwait(false);
            return RunwayWorkflow.FromJson(json);
        }

        /// <summary>Starts a run. Sent once (like a task create): a run that may have started is never repeated blindly.</summary>
        public static async Task<RunwayWorkflowInvocation> RunWorkflowAsync(this RunwayApi api, RunwayWorkflow workflow, JsonObject body, CancellationToken cancellation)
        {
            string path = ResourceId.Path("v1/workflows", workflow.Id);
            JsonElement json = await api.Client.PostAsync(path, body, RequestKind.CreateTask, cancellation).ConfigureAwait(false);
            string? id = RunwayTask.StringOf(json, "id");
            if (Strings.IsEmpty(id))
                throw new RunwayApiException($"Runway API: the response to POST /{path} had no invocation id. A run may have been started and charged; check your recent tasks before retrying.", "POST", "/" + path, 200, null, null, AttemptOutcome.Response, true);
            return Seen.Invocations.Remember(new RunwayWorkflowInvocation { Id = id, Status = RunwayTask.Pending, WorkflowId = workflow.Id, WorkflowName = workflow.Name, CreatedAt = DateTimeOffset.Now });
        }

        public static async Task<RunwayWorkflowInvocation> GetInvocationAsync(this RunwayApi api, string? id, CancellationToken cancellation)
        {
            JsonElement json = await api.Client.GetAsync(ResourceId.Path("v1/workflow_invocations", id), cancellation).ConfigureAwait(false);
            RunwayWorkflowInvocation invocation = RunwayWorkflowInvocation.FromJson(json);
            // The workflow's name is known only to the session that started the run; keep it for completion and output.
            invocation.KeepKnown(Seen.Invocations.Find(id));
            // Seen like a task: the journal records a journaled run's status and outputs.
            api.TaskSeen?.Invoke(AsTask(invocation));
            return Seen.Invocations.Remember(invocation);
        }
    }

    internal static class WorkflowJson
    {
        public static int Int(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;

        public static DateTimeOffset? Date(JsonElement json, string name) =>
            RunwayTask.StringOf(json, name) is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when) ? when : (DateTimeOffset?)null;

        public static object? Plain(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }
}
