using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>A checked run of a workflow: the body (nodeOutputs), its media slots and words for -WhatIf.</summary>
    public sealed class WorkflowRunRequest
    {
        public WorkflowRunRequest(RunwayWorkflow workflow)
        {
            Workflow = workflow;
        }

        public RunwayWorkflow Workflow { get; }
        public JsonObject Body { get; } = new JsonObject();
        public List<MediaSlot> Media { get; } = new List<MediaSlot>();
        public List<string> Details { get; } = new List<string>();
        /// <summary>The text values given, in order: the run's prompt for the journal (Get-RunwayTask -Prompt).</summary>
        public List<string> Texts { get; } = new List<string>();
        public string PromptText => Texts.Count > 0 ? string.Join(" | ", Texts) : null;
        public string Summary => $"workflow '{Workflow.Name}' v{Workflow.Version} ({Workflow.Id})" + (Details.Count > 0 ? ": " + string.Join(", ", Details) : "");
    }

    /// <summary>
    /// Turns -Inputs into a run's nodeOutputs, checked against the inputs the workflow's graph declares: unknown
    /// names, values of the wrong kind and required inputs left out are errors before anything is sent.
    /// </summary>
    public static class WorkflowRequestBuilder
    {
        /// <param name="media">Classifies a value given for an image, video or audio input (throws RunwayInputException when it cannot serve).</param>
        public static WorkflowRunRequest Build(RunwayWorkflow workflow, IEnumerable<KeyValuePair<string, object>> given, Func<object, RunwayWorkflowInput, IMediaInput> media)
        {
            var request = new WorkflowRunRequest(workflow);
            var values = (given ?? Enumerable.Empty<KeyValuePair<string, object>>()).ToList();
            if (!workflow.InputsKnown && values.Count > 0)
                throw Invalid("Runway.WorkflowInputsUnknown", $"The graph of workflow {workflow.Id} does not declare its inputs in a form this module reads, so -Inputs cannot be checked or placed.", workflow.Id);
            var set = new Dictionary<RunwayWorkflowInput, object>();
            foreach (KeyValuePair<string, object> pair in values)
            {
                RunwayWorkflowInput input = Find(workflow, pair.Key);
                if (set.ContainsKey(input))
                    throw Invalid("Runway.DuplicateWorkflowInput", $"-Inputs sets '{input.Name}' twice.", pair.Key);
                set[input] = pair.Value;
            }
            RunwayWorkflowInput[] missing = workflow.Inputs.Where(i => i.Required && i.Default == null && !set.ContainsKey(i)).ToArray();
            if (missing.Length > 0)
                throw Invalid("Runway.MissingWorkflowInput",
                    $"Workflow '{workflow.Name}' v{workflow.Version} needs {string.Join(", ", missing.Select(Describe))}. Give {(missing.Length == 1 ? "it" : "them")} with -Inputs @{{ '{missing[0].Name}' = ... }}.", missing[0].Name);
            if (set.Count == 0) return request;
            var nodeOutputs = new JsonObject();
            request.Body["nodeOutputs"] = nodeOutputs;
            foreach (RunwayWorkflowInput input in workflow.Inputs.Where(set.ContainsKey))
            {
                if (!(nodeOutputs[input.NodeId] is JsonObject node)) nodeOutputs[input.NodeId] = node = new JsonObject();
                object value = set[input];
                if (input.Type == "primitive")
                {
                    node[input.Key] = new JsonObject { ["type"] = "primitive", ["value"] = Primitive(input, value) };
                    if (value is string text) request.Texts.Add(text);
                    request.Details.Add($"{input.Name} = {Shorten(Convert.ToString(value, CultureInfo.InvariantCulture))}");
                    continue;
                }
                if (value == null || value is bool || IsNumber(value))
                    throw WrongKind(input, value);
                IMediaInput source = media(value, input);
                var slot = new JsonObject { ["type"] = input.Type };
                node[input.Key] = slot;
                request.Media.Add(new MediaSlot(slot, "uri", source));
                request.Details.Add($"{input.Name} = {source.Display}");
            }
            return request;
        }

        /// <summary>The declared input a name means: "Node.key", a node with one input by its name, or a key no other node has.</summary>
        public static RunwayWorkflowInput Find(RunwayWorkflow workflow, string name)
        {
            string wanted = (name ?? string.Empty).Trim();
            RunwayWorkflowInput[] matches = workflow.Inputs.Where(i => Same(i.Name, wanted)).ToArray();
            if (matches.Length == 0) matches = workflow.Inputs.Where(i => Same(i.NodeName, wanted)).ToArray();
            if (matches.Length == 0) matches = workflow.Inputs.Where(i => Same(i.Key, wanted)).ToArray();
            if (matches.Length == 1) return matches[0];
            string all = workflow.Inputs.Length == 0 ? "it takes no inputs" : "its inputs are " + string.Join(", ", workflow.Inputs.Select(Describe));
            if (matches.Length > 1)
                throw Invalid("Runway.AmbiguousWorkflowInput", $"'{name}' could mean {string.Join(" or ", matches.Select(m => "'" + m.Name + "'"))}; use the full name.", name);
            throw Invalid("Runway.UnknownWorkflowInput", $"Workflow '{workflow.Name}' v{workflow.Version} has no input '{name}'; {all}.", name);
        }

        public static string Describe(RunwayWorkflowInput input) =>
            $"'{input.Name}' ({input.Kind}{(input.Required && input.Default == null ? ", required" : input.Default != null ? ", default " + Convert.ToString(input.Default, CultureInfo.InvariantCulture) : ", optional")})";

        private static JsonNode Primitive(RunwayWorkflowInput input, object value)
        {
            switch (input.ValueType)
            {
                case "string" when value is string text:
                    // A blank text would run (and be charged) with nothing to work from.
                    if (string.IsNullOrWhiteSpace(text))
                        throw new RunwayInputException($"Input '{input.Name}' is blank; give it some text.", "Inputs", "Runway.BlankText", input.Name, ErrorKind.InvalidArgument);
                    return JsonValue.Create(text);
                case "number" when IsNumber(value):
                    return GenerationRequest.Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case "boolean" when value is bool flag:
                    return JsonValue.Create(flag);
                case null when value is string blank && string.IsNullOrWhiteSpace(blank):
                    throw new RunwayInputException($"Input '{input.Name}' is blank; give it some text.", "Inputs", "Runway.BlankText", input.Name, ErrorKind.InvalidArgument);
                case null when value is string || value is bool || IsNumber(value):
                    return value is string s ? JsonValue.Create(s) : value is bool b ? JsonValue.Create(b) : GenerationRequest.Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
            throw WrongKind(input, value);
        }

        private static RunwayInputException WrongKind(RunwayWorkflowInput input, object value) =>
            new RunwayInputException($"Input '{input.Name}' takes {Article(input.Kind)} {input.Kind}; {(value == null ? "nothing" : Article(value.GetType().Name) + " " + value.GetType().Name)} was given.",
                "Inputs", "Runway.WrongWorkflowInputKind", value, ErrorKind.InvalidType);

        private static bool IsNumber(object value) =>
            value is int || value is long || value is double || value is decimal || value is float || value is short || value is byte;

        private static string Article(string word) => "aeiou".IndexOf(char.ToLowerInvariant(word[0])) >= 0 ? "an" : "a";
        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        private static string Shorten(string text) => text == null ? "" : text.Length > 40 ? text.Substring(0, 40) + "…" : text;

        private static RunwayInputException Invalid(string errorId, string message, object target) =>
            new RunwayInputException(message, "Inputs", errorId, target);
    }
}
