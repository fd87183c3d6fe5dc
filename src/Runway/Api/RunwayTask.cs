using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>A generation task as the API last reported it, plus what this module knows of how it was made.</summary>
    public sealed class RunwayTask
    {
        public const string Pending = "PENDING";
        public const string Throttled = "THROTTLED";
        public const string Running = "RUNNING";
        public const string Succeeded = "SUCCEEDED";
        public const string Failed = "FAILED";
        public const string Cancelled = "CANCELLED";

        public string? Id { get; set; }

        /// <summary>Whether <paramref name="id"/> can be a task id (a UUID, as the API gives them): the one rule every -Id checks before sending.</summary>
        public static bool IsTaskId([NotNullWhen(true)] string? id) => id != null && Guid.TryParseExact(id, "D", out _);
        public string? Status { get; set; }
        /// <summary>0 to 1 while RUNNING, when the API reports it.</summary>
        public double? Progress { get; set; }
        public string[] Output { get; set; } = Array.Empty<string>();
        public string? Failure { get; set; }
        public string? FailureCode { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Known when this session created the task or saw it created.</summary>
        public string? Model { get; set; }
        public string? Endpoint { get; set; }
        /// <summary>The API's estimatedCost.credits when it reported one, else the module's own estimate.</summary>
        public decimal? EstimatedCredits { get; set; }
        /// <summary>The final charge (cost.credits) of a finished task, as the API reports it; 0 when refunded.</summary>
        public decimal? Credits { get; set; }
        /// <summary>The prompt (shortened), known for tasks in the journal.</summary>
        public string? Prompt { get; set; }
        /// <summary>Files this module saved the outputs to, as the journal recorded them.</summary>
        public string[] SavedTo { get; set; } = Array.Empty<string>();
        public DateTimeOffset RetrievedAt { get; set; }
        /// <summary>The media the task was made from, as the journal records them ("local path -> sent URI", or the URL sent).</summary>
        public string?[] Inputs { get; set; } = Array.Empty<string>();

        /// <summary>How the journal marks an input that was another task's output ("from task ID: name -> URL").</summary>
        public const string FromTaskPrefix = "from task ";

        /// <summary>The first input file's name without its extension (frames/cat.png: cat); null when the task was made from text or uploads only.</summary>
        public string? InputName
        {
            get
            {
                foreach (string? input in Inputs ?? Array.Empty<string>())
                {
                    if (Strings.IsEmpty(input)) continue;
                    int arrow = input.IndexOf(" -> ", StringComparison.Ordinal);
                    string source = arrow >= 0 ? input.Substring(0, arrow) : input;
                    if (source.StartsWith(FromTaskPrefix, StringComparison.Ordinal))
                    {
                        // Another task's output: the name that task was made from (none when it came from text).
                        int colon = source.IndexOf(": ", StringComparison.Ordinal);
                        string origin = colon >= 0 ? source.Substring(colon + 2).Trim() : string.Empty;
                        if (origin.Length > 0) return origin;
                        continue;
                    }
                    if (source.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || source.StartsWith("runway:", StringComparison.OrdinalIgnoreCase)) continue;
                    if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                        source = Uri.UnescapeDataString(uri.AbsolutePath);
                    string name = System.IO.Path.GetFileNameWithoutExtension(source.Replace('\\', '/').Split('/').Last());
                    if (!string.IsNullOrEmpty(name)) return name;
                }
                return null;
            }
        }
        /// <summary>For a routed generation (/v1/generate/*): the router, the model it chose and why; null for other tasks.</summary>
        public RunwayRouting? Routing { get; set; }
        /// <summary>The slug of the router that chose the model, for a routed generation.</summary>
        public string? Router => Routing?.Router;

        public bool IsFinished => IsFinalStatus(Status);

        public static bool IsFinalStatus(string? status) =>
            status == Succeeded || status == Failed || status == Cancelled;

        /// <summary>The statuses the SDK's waiter keeps polling on; any other (a status newer than this module, or none) ends a wait.</summary>
        public static bool IsActiveStatus(string? status) =>
            status == Pending || status == Throttled || status == Running;

        public override string? ToString() => Id;

        /// <summary>
        /// Keeps what an earlier sighting of this task knew and the API does not echo back (model, endpoint,
        /// estimate, prompt, saved files), so refreshing a task never loses it.
        /// </summary>
        internal void KeepKnown(RunwayTask? earlier)
        {
            if (earlier == null) return;
            Model = Model ?? earlier.Model;
            Endpoint = Endpoint ?? earlier.Endpoint;
            EstimatedCredits = EstimatedCredits ?? earlier.EstimatedCredits;
            Credits = Credits ?? earlier.Credits;
            Prompt = Prompt ?? earlier.Prompt;
            Routing = Routing ?? earlier.Routing;
            if (SavedTo == null || SavedTo.Length == 0) SavedTo = earlier.SavedTo;
            if (Inputs == null || Inputs.Length == 0) Inputs = earlier.Inputs;
        }

        /// <summary>A shallow copy (arrays are replaced, never changed in place, so sharing them is safe).</summary>
        internal RunwayTask Copy() => (RunwayTask)MemberwiseClone();

        internal static RunwayTask FromJson(JsonElement json)
        {
            var task = new RunwayTask
            {
                Id = StringOf(json, "id"),
                Status = StringOf(json, "status"),
                Failure = StringOf(json, "failure"),
                FailureCode = StringOf(json, "failureCode"),
                RetrievedAt = DateTimeOffset.Now,
            };
            if (json.TryGetProperty("progress", out JsonElement progress) && progress.ValueKind == JsonValueKind.Number)
                task.Progress = progress.GetDouble();
            if (json.TryGetProperty("createdAt", out JsonElement created) && created.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
                task.CreatedAt = when;
            if (json.TryGetProperty("output", out JsonElement output) && output.ValueKind == JsonValueKind.Array)
                task.Output = output.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString() ?? string.Empty).ToArray();
            task.EstimatedCredits = CreditsOf(json, "estimatedCost");
            task.Credits = CreditsOf(json, "cost");
            TaskMetadata.Apply(task);
            return task;
        }

        /// <summary>The credits of a cost object (estimatedCost, cost): <c>{ "credits": n }</c>; null when absent.</summary>
        internal static decimal? CreditsOf(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement cost) && cost.ValueKind == JsonValueKind.Object
            && cost.TryGetProperty("credits", out JsonElement credits) && credits.ValueKind == JsonValueKind.Number
                ? credits.GetDecimal()
                : (decimal?)null;

        internal static string? StringOf(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }

    /// <summary>
    /// What the API does not echo back (model, endpoint, estimate) for tasks this process created, so that a
    /// task fetched again by id still says what it is.
    /// </summary>
    internal static class TaskMetadata
    {
        private static readonly Dictionary<string, (string? Model, string? Endpoint, decimal? Credits)> Known =
            new Dictionary<string, (string?, string?, decimal?)>(StringComparer.OrdinalIgnoreCase);
        private static readonly Dictionary<string, RunwayRouting> Routed = new Dictionary<string, RunwayRouting>(StringComparer.OrdinalIgnoreCase);

        public static void Remember(string id, string? model, string? endpoint, decimal? credits)
        {
            lock (Known) Known[id] = (model, endpoint, credits);
        }

        public static void RememberRouting(string id, RunwayRouting routing)
        {
            lock (Known) Routed[id] = routing;
        }

        public static void Apply(RunwayTask task)
        {
            if (task.Id == null) return;
            lock (Known)
            {
                if (Known.TryGetValue(task.Id, out var info))
                {
                    task.Model = task.Model ?? info.Model;
                    task.Endpoint = task.Endpoint ?? info.Endpoint;
                    task.EstimatedCredits = task.EstimatedCredits ?? info.Credits;
                }
                if (Routed.TryGetValue(task.Id, out RunwayRouting? routing)) task.Routing = task.Routing ?? routing;
            }
        }
    }
}
