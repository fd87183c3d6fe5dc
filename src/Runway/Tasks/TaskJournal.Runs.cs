using System;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>Workflow runs in the journal: paid like tasks, and the API cannot list them, so a lost run id is lost for good.</summary>
    public static partial class TaskJournal
    {
        /// <summary>Records a workflow run just started; false when the journal could not be written (see <see cref="LastError"/>).</summary>
        public static bool RecordRunStarted(RunwayWorkflowInvocation run, WorkflowRunRequest request)
        {
            string id = run.Id ?? throw new ArgumentException("A started run has an id: RunWorkflowAsync refuses an answer without one.", nameof(run));
            JsonObject line = RunLine("created", id, request);
            lock (LastStatus) LastStatus[id] = run.Status;
            return Append(line);
        }

        /// <summary>A run sent whose answer was lost: it may exist and be charged under an id nobody knows (see <see cref="RecordUnconfirmed"/>).</summary>
        public static bool RecordRunUnconfirmed(WorkflowRunRequest request, string reason)
        {
            JsonObject line = RunLine("attempt", "unconfirmed-" + Guid.NewGuid().ToString("N"), request);
            line["reason"] = reason;
            return Append(line);
        }

        /// <summary>The inputs of a run as the journal writes them (data URIs shortened).</summary>
        public static string[] InputsOf(WorkflowRunRequest request) =>
            RunLine("created", string.Empty, request)["inputs"] is JsonArray inputs ? inputs.Select(n => n?.GetValue<string>() ?? string.Empty).ToArray() : Array.Empty<string>();

        private static JsonObject RunLine(string kind, string id, WorkflowRunRequest request)
        {
            // No estimatedCredits: Runway publishes no workflow prices.
            var line = new JsonObject
            {
                ["event"] = kind,
                ["id"] = id,
                ["time"] = JournalFold.Now(),
                ["endpoint"] = WorkflowApi.RunEndpoint,
                ["model"] = WorkflowApi.RunModel(request.Workflow),
            };
            // The run's text inputs stand for its prompt, so Get-RunwayTask -Prompt finds it.
            if (request.PromptText is string text)
                line["prompt"] = text.Length > PromptLimit ? text.Substring(0, PromptLimit) + "…" : text;
            var inputs = new JsonArray();
            foreach (MediaSlot slot in request.Media)
            {
                string uri = slot.Uri ?? string.Empty;
                if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    uri = uri.Substring(0, Math.Max(0, uri.IndexOf(',') + 1)) + $"…({uri.Length} chars)";
                inputs.Add(slot.Source.IsLocal ? $"{slot.Source.Value} -> {uri}" : uri);
            }
            line["inputs"] = inputs;
            return line;
        }
    }
}
