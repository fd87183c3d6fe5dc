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
        public string? PromptText => Texts.Count > 0 ? string.Join(" | ", Texts) : null;
        public string Summary => $"workflow '{Workflow.Name}' v{Workflow.Version} ({Workflow.Id})" + (Details.Count > 0 ? ": " + string.Join(", ", Details) : "");
    }

    /// <summary>
    /// Turns -Inputs into a run's nodeOutputs. The SDK takes any node id of the graph with any output key, each value
    /// typed ({ type: 'primitive', value } or { type: 'image' | 'video' | 'audio', uri }): the inputs the graph
    /// declares are checked against their declaration (unknown keys of a declared node, wrong kinds and required
    /// inputs left out are errors before anything is sent); any other node is reached as 'nodeId.key'.
    /// </summary>
    public static class WorkflowRequestBuilder
    {
        private static readonly string[] Types = { "primitive", "image", "video", "audio" };
        private static readonly string[] PrimitiveKeys = { "type", "value" };
        private static readonly string[] MediaKeys = { "type", "uri" };

        /// <param name="media">Classifies a value given for an image, video or audio input (throws RunwayInputException when it cannot serve); the input's Type is null when any kind may do.</param>
        public static WorkflowRunRequest Build(RunwayWorkflow workflow, IEnumerable<KeyValuePair<string?, object?>>? given, Func<object, RunwayWorkflowInput, IMediaInput> media)
        {
            var request = new WorkflowRunRequest(workflow);
            var values = (given ?? Enumerable.Empty<KeyValuePair<string?, object?>>()).ToList();
            var set = new Dictionary<RunwayWorkflowInput, object?>();
            var order = new List<RunwayWorkflowInput>();
            foreach (KeyValuePair<string?, object?> pair in values)
            {
                RunwayWorkflowInput input = Find(workflow, pair.Key);
                if (order.Any(i => i.NodeId == input.NodeId && i.Key == input.Key))
                    throw Invalid("Runway.DuplicateWorkflowInput", $"-Inputs sets '{input.Name}' twice.", pair.Key);
                set[input] = pair.Value;
                order.Add(input);
            }
            RunwayWorkflowInput[] missing = workflow.Inputs.Where(i => i.Required && i.Default == null && !set.ContainsKey(i)).ToArray();
            if (missing.Length > 0)
                throw Invalid("Runway.MissingWorkflowInput",
                    $"Workflow '{workflow.Name}' v{workflow.Version} needs {string.Join(", ", missing.Select(Describe))}. Give {(missing.Length == 1 ? "it" : "them")} with -Inputs @{{ '{missing[0].Name}' = ... }}.", missing[0].Name);
            if (set.Count == 0) return request;
            var nodeOutputs = new JsonObject();
            request.Body["nodeOutputs"] = nodeOutputs;
            // Declared inputs in the graph's order, then the other nodes' outputs as given.
            foreach (RunwayWorkflowInput input in workflow.Inputs.Where(set.ContainsKey).Concat(order.Where(i => !workflow.Inputs.Contains(i))))
            {
                if (!(nodeOutputs[input.NodeId] is JsonObject node)) nodeOutputs[input.NodeId] = node = new JsonObject();
                node[input.Key] = Value(request, input, set[input], media);
            }
            return request;
        }

        /// <summary>One typed value: a plain value (read by the declaration, or a primitive), or the SDK's own shape as a record.</summary>
        private static JsonObject Value(WorkflowRunRequest request, RunwayWorkflowInput input, object? value, Func<object, RunwayWorkflowInput, IMediaInput> media)
        {
            string? type = input.Type;
            if ((value is System.Collections.IDictionary || value is IDictionary<string, object>) && RecordKeys.Value(value, "type") != null)
            {
                // { type: 'primitive', value } or { type: 'image' | 'video' | 'audio', uri }, keys in any case.
                string? given = RecordKeys.Value(value, "type")?.ToString()?.Trim().ToLowerInvariant();
                if (!Types.Contains(given))
                    throw Invalid("Runway.WrongWorkflowInputKind", $"Input '{input.Name}': a record value gives type 'primitive' (with value) or 'image', 'video' or 'audio' (with uri); '{given}' is not one.", given);
                RecordKeys.Check(value, "Inputs", $"the value of '{input.Name}'", given == "primitive" ? PrimitiveKeys : MediaKeys);
                if (type != null && type != given)
                    throw Invalid("Runway.WrongWorkflowInputKind", $"Input '{input.Name}' takes {Article(input.Kind)} {input.Kind}; a record of type '{given}' was given.", given);
                type = given;
                value = RecordKeys.Value(value, given == "primitive" ? "value" : "uri");
            }
            else if (type == null && (value is string || value is bool || IsNumber(value)))
                type = "primitive";
            if (type == "primitive")
            {
                JsonNode primitive = Primitive(input, value);
                if (value is string text) request.Texts.Add(text);
                request.Details.Add($"{input.Name} = {Shorten(Convert.ToString(value, CultureInfo.InvariantCulture))}");
                return new JsonObject { ["type"] = "primitive", ["value"] = primitive };
            }
            if (value == null || value is bool || IsNumber(value))
                throw WrongKind(input, value);
            IMediaInput source = type == input.Type ? media(value, input)
                : media(value, new RunwayWorkflowInput { NodeId = input.NodeId, NodeName = input.NodeName, Key = input.Key, Type = type });
            type = type ?? source.MediaKind?.ToString().ToLowerInvariant()
                ?? throw Invalid("Runway.WrongWorkflowInputKind", $"Input '{input.Name}': cannot tell whether '{source.Display}' is an image, a video or audio; give @{{ type = 'image'; uri = '…' }} (or video, audio).", source.Display);
            var slot = new JsonObject { ["type"] = type };
            request.Media.Add(new MediaSlot(slot, "uri", source));
            request.Details.Add($"{input.Name} = {source.Display}");
            return slot;
        }

        /// <summary>
        /// The target a name means: a declared input by "Node.key", a node with one input by its name, or a key no other
        /// node has; else "nodeId.key" (or "Node name.key") for any other node of the graph, which the SDK allows.
        /// </summary>
        public static RunwayWorkflowInput Find(RunwayWorkflow workflow, string? name)
        {
            string wanted = (name ?? string.Empty).Trim();
            RunwayWorkflowInput[] matches = workflow.Inputs.Where(i => Same(i.Name, wanted)).ToArray();
            if (matches.Length == 0) matches = workflow.Inputs.Where(i => Same(i.NodeName, wanted)).ToArray();
            if (matches.Length == 0) matches = workflow.Inputs.Where(i => Same(i.Key, wanted)).ToArray();
            if (matches.Length == 1) return matches[0];
            if (matches.Length > 1)
                throw Invalid("Runway.AmbiguousWorkflowInput", $"'{name}' could mean {string.Join(" or ", matches.Select(m => "'" + m.Name + "'"))}; use the full name.", name);
            RunwayWorkflowInput? other = OtherNode(workflow, wanted);
            if (other != null) return other;
            string all = workflow.Inputs.Length == 0 ? "it declares no inputs" : "its inputs are " + string.Join(", ", workflow.Inputs.Select(Describe));
            string nodes = workflow.NodeIds.Count == 0 ? string.Empty : $"; any other node is set as 'nodeId.key' (its nodes: {string.Join(", ", workflow.NodeIds.Select(n => n.Key == n.Value ? n.Key : $"{n.Key} ({n.Value})"))})";
            throw Invalid(RecordKeys.ErrorId, $"Workflow '{workflow.Name}' v{workflow.Version} has no input '{name}'; {all}{nodes}.", name);
        }

        /// <summary>"nodeId.key" or "Node name.key" for a node whose outputs the graph does not declare (any node when the graph's nodes cannot be read).</summary>
        private static RunwayWorkflowInput? OtherNode(RunwayWorkflow workflow, string wanted)
        {
            foreach (KeyValuePair<string, string> node in workflow.NodeIds.OrderByDescending(n => n.Key.Length))
            {
                string? prefix = wanted.StartsWith(node.Key + ".", StringComparison.Ordinal) ? node.Key
                    : node.Value != null && wanted.StartsWith(node.Value + ".", StringComparison.OrdinalIgnoreCase) ? node.Value : null;
                if (prefix == null) continue;
                string key = wanted.Substring(prefix.Length + 1);
                RunwayWorkflowInput[] declared = workflow.Inputs.Where(i => i.NodeId == node.Key).ToArray();
                // A node whose outputs the graph declares takes those keys only (the declaration, not a guess).
                if (declared.Length > 0 && declared.All(i => i.Type != null))
                    throw Invalid(RecordKeys.ErrorId, $"Node '{node.Value}' declares the outputs {string.Join(", ", declared.Select(Describe))}; it has no '{key}'.", wanted);
                if (key.Length == 0) return null;
                return new RunwayWorkflowInput { NodeId = node.Key, NodeName = node.Key, Key = key };
            }
            int dot = wanted.IndexOf('.');
            if (workflow.NodeIds.Count == 0 && dot > 0 && dot < wanted.Length - 1)
                return new RunwayWorkflowInput { NodeId = wanted.Substring(0, dot), NodeName = wanted.Substring(0, dot), Key = wanted.Substring(dot + 1) };
            return null;
        }

        public static string Describe(RunwayWorkflowInput input) =>
            $"'{input.Name}' ({input.Kind}{(input.Required && input.Default == null ? ", required" : input.Default != null ? ", default " + Convert.ToString(input.Default, CultureInfo.InvariantCulture) : ", optional")})";

        private static JsonNode Primitive(RunwayWorkflowInput input, object? value)
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

        private static RunwayInputException WrongKind(RunwayWorkflowInput input, object? value) =>
            new RunwayInputException($"Input '{input.Name}' takes {Article(input.Kind)} {input.Kind}; {(value == null ? "nothing" : Article(value.GetType().Name) + " " + value.GetType().Name)} was given.",
                "Inputs", "Runway.WrongWorkflowInputKind", value, ErrorKind.InvalidType);

        private static bool IsNumber(object? value) =>
            value is int || value is long || value is double || value is decimal || value is float || value is short || value is byte;

        private static string Article(string word) => "aeiou".IndexOf(char.ToLowerInvariant(word[0])) >= 0 ? "an" : "a";
        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        private static string Shorten(string? text) => text == null ? "" : text.Length > 40 ? text.Substring(0, 40) + "…" : text;

        private static RunwayInputException Invalid(string errorId, string message, object? target) =>
            new RunwayInputException(message, "Inputs", errorId, target);
    }
}
