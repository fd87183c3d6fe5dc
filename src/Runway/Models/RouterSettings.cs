using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>What New-/Set-RunwayRouter collected; null means "not given" (Set keeps the router's value).</summary>
    public sealed class RouterSpec
    {
        public string? Slug { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool ClearDescription { get; set; }
        public string? OptimizeFor { get; set; }
        public string[]? AllowOnly { get; set; }
        public string[]? Exclude { get; set; }
        public bool? FallbackOnCapacity { get; set; }
        public double? MaxVideoCredits { get; set; }
        public double? MaxImageCredits { get; set; }
        public double? MaxAudioCredits { get; set; }
    }

    /// <summary>Router bodies for POST /v1/routers and PATCH /v1/routers/{id}, checked before sending.</summary>
    public static class RouterRequestBuilder
    {
        public static readonly string[] OptimizeChoices = { "cost", "latency", "quality" };

        public static JsonObject Create(RouterSpec spec)
        {
            if (Api.Strings.IsBlank(spec.Slug))
                throw Invalid("Slug", "Runway.MissingSlug", "-Slug is required: the name routed generation uses for this router (it cannot be changed later).", spec.Slug);
            var body = new JsonObject { ["slug"] = spec.Slug.Trim() };
            Fill(body, spec);
            return body;
        }

        public static JsonObject Update(RouterSpec spec)
        {
            var body = new JsonObject();
            Fill(body, spec);
            if (body.Count == 0)
                throw Invalid("Name", "Runway.NothingToChange", "Give at least one of -Name, -Description, -ClearDescription, -OptimizeFor, -AllowOnly, -Exclude, -FallbackOnCapacity or a -Max*Credits cap.", null);
            return body;
        }

        private static void Fill(JsonObject body, RouterSpec spec)
        {
            if (spec.Name != null)
            {
                if (spec.Name.Trim().Length == 0) throw Invalid("Name", "Runway.InvalidName", "-Name is empty.", spec.Name);
                body["name"] = spec.Name;
            }
            if (spec.Description != null && spec.ClearDescription)
                throw Invalid("ClearDescription", "Runway.ConflictingParameters", "Give -Description or -ClearDescription, not both.", spec.Description);
            if (spec.Description != null) body["description"] = spec.Description;
            if (spec.ClearDescription) body["description"] = null;
            var settings = new JsonObject();
            if (spec.OptimizeFor != null)
            {
                string choice = OptimizeChoices.FirstOrDefault(c => string.Equals(c, spec.OptimizeFor.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw Invalid("OptimizeFor", "Runway.InvalidChoice", $"-OptimizeFor '{spec.OptimizeFor}' is not possible; choose {string.Join(", ", OptimizeChoices)}.", spec.OptimizeFor);
                settings["optimizeFor"] = choice;
            }
            if (spec.AllowOnly != null && spec.Exclude != null)
                throw Invalid("Exclude", "Runway.ConflictingParameters", "Give -AllowOnly (only these models) or -Exclude (every model but these), not both.", spec.Exclude);
            string[]? ids = spec.AllowOnly ?? spec.Exclude;
            if (ids != null)
            {
                string[] clean = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToArray();
                if (spec.AllowOnly != null && clean.Length == 0)
                    throw Invalid("AllowOnly", "Runway.MissingModels", "-AllowOnly needs at least one model: a router that allows no model can route nothing.", ids);
                settings["models"] = new JsonObject { ["ids"] = new JsonArray(clean.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()), ["mode"] = spec.AllowOnly != null ? "allowlist_only" : "allow_new_except" };
            }
            if (spec.FallbackOnCapacity.HasValue) settings["fallback"] = new JsonObject { ["onCapacity"] = spec.FallbackOnCapacity.Value };
            var caps = new JsonObject();
            Cap(caps, "video", "MaxVideoCredits", spec.MaxVideoCredits);
            Cap(caps, "image", "MaxImageCredits", spec.MaxImageCredits);
            Cap(caps, "audio", "MaxAudioCredits", spec.MaxAudioCredits);
            if (caps.Count > 0) settings["maxCreditsPerGeneration"] = caps;
            if (settings.Count > 0) body["settings"] = settings;
        }

        private static void Cap(JsonObject caps, string kind, string parameter, double? credits)
        {
            if (!credits.HasValue) return;
            if (double.IsNaN(credits.Value) || credits < 0)
                throw Invalid(parameter, "Runway.OutOfRange", $"-{parameter} must be 0 or more credits; {credits} was given.", credits);
            caps[kind] = GenerationRequest.Number(credits.Value);
        }

        private static RunwayInputException Invalid(string parameter, string errorId, string message, object? target) =>
            new RunwayInputException(message, parameter, errorId, target);
    }
}
