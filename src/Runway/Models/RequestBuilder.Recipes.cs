using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>What every recipe takes: the workflow version (required by the API; the module defaults to the newest dated one).</summary>
    public abstract class RecipeSpec
    {
        public string? Version { get; set; }
    }

    /// <summary>What the two ad recipes (product_ad, product_ugc) take alike, as RecipeAdCmdlet's parameters do.</summary>
    public abstract class RecipeAdSpec : RecipeSpec
    {
        public string? ProductInfo { get; set; }
        public string? UserConcept { get; set; }
        public double? Duration { get; set; }
        public string? Ratio { get; set; }
        public bool? Audio { get; set; }
    }

    /// <summary>The helpers every recipe's builder uses (each builder sits in its recipe's descriptor, Models/Descriptors/).</summary>
    public static partial class RequestBuilder
    {
        /// <summary>The ad recipes' shared settings, after their images (the body's order is the SDK's).</summary>
        private static void ApplyAdSettings(GenerationRequest request, RecipeAdSpec spec)
        {
            ApplyText(request, "productInfo", "ProductInfo", spec.ProductInfo, required: false);
            ApplyText(request, "userConcept", "UserConcept", spec.UserConcept, required: false);
            ApplyDuration(request, spec.Duration);
            ApplyRatio(request, spec.Ratio);
            ApplyAudio(request, spec.Audio);
        }

        /// <summary>Refuses a record's keys that a recipe field does not have (a misspelt -Shot or -NewProductImage key).</summary>
        public static void CheckKeys(string recipe, string parameter, IEnumerable<string> keys, IReadOnlyList<string> allowed)
        {
            RecordKeys.Check(keys, allowed, parameter, $"an item of {recipe}'s -{parameter}");
        }

        /// <summary>The request of a recipe: its endpoint, no model field (the recipe is in the path), and the version.</summary>
        private static GenerationRequest Recipe(string endpoint, ModelInfo recipe, RecipeSpec spec)
        {
            var request = new GenerationRequest(endpoint, recipe);
            request.Body.Remove("model");
            string version = spec.Version == null ? RecipeCatalog.DefaultVersion(recipe.Name) : Choice("Version", spec.Version, RecipeCatalog.Versions[recipe.Name], recipe.Name);
            request.Body["version"] = version;
            request.Details.Add("version " + version);
            return request;
        }

        private static string Choice(string parameter, string value, IReadOnlyList<string> allowed, string recipe, string? field = null)
        {
            string? found = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            return found ?? throw Invalid(parameter, "Runway.InvalidChoice",
                $"{(field == null ? "-" + parameter : $"The {field} of -{parameter}")} '{value}' is not possible for {recipe}; choose {string.Join(", ", allowed)}.", value);
        }

        private static JsonObject UriObject(GenerationRequest request, IMediaInput source)
        {
            var holder = new JsonObject();
            request.AddMedia(holder, "uri", source);
            return holder;
        }

        private static JsonArray UriList(GenerationRequest request, IList<IMediaInput?> sources, string parameter, string what, int min, int max)
        {
            CheckCount(request.Model.Name, parameter, what, sources.Count, min, max);
            var list = new JsonArray();
            foreach (IMediaInput? source in sources) list.Add(UriObject(request, Required(source, parameter)));
            request.Details.Add($"{sources.Count} {what}");
            return list;
        }

        private static void CheckCount(string recipe, string parameter, string what, int count, int min, int max)
        {
            if (count < min || count > max)
                throw Invalid(parameter, "Runway.InvalidCount",
                    $"{recipe} takes {(min > 0 ? $"{min}–{max}" : $"at most {max}")} {what}; {count} {(count == 1 ? "was" : "were")} given.", count);
        }

        private static void ApplyText(GenerationRequest request, string field, string parameter, string? value, bool required)
        {
            if (value == null)
            {
                if (required) throw Invalid(parameter, "Runway.MissingPrompt", $"{request.Model.Name} needs -{parameter}.", null);
                return;
            }
            if (value.Trim().Length == 0)
                throw Invalid(parameter, "Runway.MissingPrompt", $"-{parameter} is empty.", value);
            request.Body[field] = value;
            request.Texts.Add(value);
            request.Cost.TextLength += value.Length;
        }

        private static void ApplyAudio(GenerationRequest request, bool? audio)
        {
            if (!audio.HasValue) return;
            request.Body["audio"] = audio.Value;
            request.Cost.Audio = audio.Value;
            request.Details.Add(audio.Value ? "with audio" : "without audio");
        }
    }
}
