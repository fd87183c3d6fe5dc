using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runway.Api
{
    /// <summary>
    /// Which model a Model Router chose for a routed generation (POST /v1/generate/*) and why: the routing object
    /// of the create's answer, kept on the task and in the journal (the task itself does not echo it).
    /// </summary>
    public sealed class RunwayRouting
    {
        /// <summary>The slug of the router that routed the request (configId).</summary>
        public string? Router { get; set; }
        /// <summary>The router's id, when this module read it before the create: pipe the routing to Get-RunwayRouterRequest for the router's own account of the choice.</summary>
        public string? RouterId { get; set; }
        /// <summary>The model the router selected.</summary>
        public string? Model { get; set; }
        public string? Provider { get; set; }
        /// <summary>routing.estimatedCost.credits.</summary>
        public decimal? EstimatedCredits { get; set; }
        /// <summary>cost, latency or quality: the preference the router ranked the eligible models by.</summary>
        public string? OptimizeFor { get; set; }
        /// <summary>The router's maximum credits per generation for this kind of output, or null when it sets none.</summary>
        public decimal? PriceCeiling { get; set; }
        /// <summary>The request-side values the router resolved (video: duration, ratio, resolution; image: aspectRatio, ratio, resolution; audio: type, voice).</summary>
        public IReadOnlyDictionary<string, object?> ResolvedInput { get; set; } = new Dictionary<string, object?>();
        /// <summary>True when capacity affected the choice (the router's fallback.onCapacity is on and some model was at its limit).</summary>
        public bool CapacityFallback { get; set; }
        /// <summary>Every eligible model was at its concurrency limit: the best-ranked one was used and the task queues.</summary>
        public bool AllExhausted { get; set; }
        /// <summary>Eligible models passed over because this account is at its concurrency limit for them.</summary>
        public string[] Skipped { get; set; } = Array.Empty<string>();

        /// <summary>The choice in words: "gen4.5 (runway) by router 'fast', optimized for cost, ceiling 50 credits".</summary>
        public string Reason =>
            $"{Model} ({Provider}) by router '{Router}', optimized for {OptimizeFor}" +
            (PriceCeiling.HasValue ? $", ceiling {PriceCeiling.Value.ToString(CultureInfo.InvariantCulture)} credits" : string.Empty) +
            (AllExhausted ? "; every eligible model was at capacity, so it queues" : Skipped.Length > 0 ? $"; skipped at capacity: {string.Join(", ", Skipped)}" : string.Empty);

        public override string ToString() => Reason;

        /// <summary>The routing object of a create's answer, or null when the answer has none (an ordinary task).</summary>
        internal static RunwayRouting? FromResponse(JsonElement response) =>
            response.ValueKind == JsonValueKind.Object && response.TryGetProperty("routing", out JsonElement routing) && routing.ValueKind == JsonValueKind.Object
                ? FromJson(JsonNode.Parse(routing.GetRawText()) as JsonObject)
                : null;

        /// <summary>Reads the API's routing object, or the journal's copy of it (the same shape).</summary>
        public static RunwayRouting? FromJson(JsonObject? routing)
        {
            if (routing == null) return null;
            var result = new RunwayRouting
            {
                Router = Text(routing["configId"]),
                RouterId = Text(routing["routerId"]),
                Model = Text(routing["model"]),
                Provider = Text(routing["provider"]),
                EstimatedCredits = Number((routing["estimatedCost"] as JsonObject)?["credits"]),
            };
            if (routing["resolvedSettings"] is JsonObject settings)
            {
                result.OptimizeFor = Text(settings["optimizeFor"]);
                result.PriceCeiling = Number(settings["priceCeiling"]);
            }
            if (routing["resolvedInput"] is JsonObject input)
                result.ResolvedInput = input.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal);
            if (routing["capacityFallback"] is JsonObject fallback)
            {
                result.CapacityFallback = true;
                result.AllExhausted = fallback["allExhausted"] is JsonValue all && all.TryGetValue(out bool exhausted) && exhausted;
                result.Skipped = (fallback["skipped"] as JsonArray)?.Select(Text).OfType<string>().ToArray() ?? Array.Empty<string>();
            }
            return result;
        }

        /// <summary>The API's shape again, for the journal.</summary>
        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["configId"] = Router,
                ["estimatedCost"] = EstimatedCredits.HasValue ? new JsonObject { ["credits"] = EstimatedCredits.Value } : null,
                ["model"] = Model,
                ["provider"] = Provider,
                ["resolvedInput"] = new JsonObject(ResolvedInput.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, ToNode(p.Value)))),
                ["resolvedSettings"] = new JsonObject { ["optimizeFor"] = OptimizeFor, ["priceCeiling"] = PriceCeiling },
            };
            // Not part of the API's routing object: the journal's note of the router's id.
            if (RouterId != null) json["routerId"] = RouterId;
            if (CapacityFallback)
                json["capacityFallback"] = new JsonObject { ["allExhausted"] = AllExhausted, ["skipped"] = new JsonArray(Skipped.Select(s => (JsonNode)s).ToArray()) };
            return json;
        }

        private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

        private static decimal? Number(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : (decimal?)null;

        private static object? Plain(JsonNode? node)
        {
            if (!(node is JsonValue value)) return node?.ToJsonString();
            switch (value.GetValueKind())
            {
                case JsonValueKind.String: return value.GetValue<string>();
                case JsonValueKind.Number: return value.GetValue<decimal>();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        private static JsonNode? ToNode(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case decimal number: return number;
                case bool flag: return flag;
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
