using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// The help's per-model facts, written from the catalog (the build puts them into docs/en-US between
    /// catalog markers), so that a price or a duration is changed in one place only.
    /// </summary>
    public static class CatalogHelp
    {
        public const string BeginMarker = "<!-- catalog:begin (generated from ModelCatalog by build.ps1; edit the catalog, not this list) -->";
        public const string EndMarker = "<!-- catalog:end -->";

        /// <summary>One Markdown list item per model that the cmdlet can use, in catalog order.</summary>
        public static IEnumerable<string> ModelLines(string cmdlet)
        {
            EndpointInfo[] endpoints = ModelCatalog.EndpointsOf(cmdlet).ToArray();
            foreach (ModelInfo model in ModelCatalog.Models.Where(m => endpoints.Any(e => m.ServesEndpoint(e.Name))))
                yield return "- " + Describe(model, endpoints);
        }

        public static string Describe(ModelInfo model, IReadOnlyList<EndpointInfo> endpoints)
        {
            var served = endpoints.Where(e => model.ServesEndpoint(e.Name)).ToArray();
            var defaults = served.Where(e => e.DefaultModel == model.Name).Select(e => e.Words).ToArray();
            var parts = new List<string>();
            if (model.Ratios.Length > 0)
                parts.Add("ratios " + string.Join(", ", model.Ratios) + (model.RatioRequired ? $" (default {model.DefaultRatio})" : string.Empty));
            if (model.DurationFromInput)
                parts.Add("length follows the input");
            else if (model.Duration != null)
                parts.Add(model.Duration.Describe() + $" (default {DurationRule.Format(model.Duration.Default)} s)");
            if (model.InputDuration != null)
                parts.Add("input of " + model.InputDuration.Describe());
            if (model.MaxReferences > 0)
                parts.Add(model.MinReferences > 0 ? $"{model.MinReferences}–{model.MaxReferences} reference images" : $"up to {model.MaxReferences} reference images");
            string[] fields = model.Fields.Where(f => served.Any(e => e.Name == f.Endpoint)).SelectMany(f => f.Fields)
                .Where(f => f.Json != "model").Select(f => f.Parameter != null ? f.Syntax : "-Option " + f.Json).Distinct().ToArray();
            if (fields.Length > 0) parts.Add("takes " + string.Join(", ", fields));
            parts.Add(model.Price.Describe());
            string where = string.Join(", ", served.Select(e => e.Words)) + (defaults.Length > 0 ? "; the default" + (served.Length > 1 ? " for " + string.Join(", ", defaults) : string.Empty) : string.Empty);
            return $"{model.Name} ({where}): {string.Join("; ", parts)}.";
        }
    }
}
