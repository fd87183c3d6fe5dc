using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// What the recipes (POST /v1/recipes/{name}, SDK 4.20.1 recipes.d.ts) share: their versions, the values a completer
    /// offers, the limits of more than one recipe, and how a recipe's path, row and "model" are made. Each recipe is
    /// described in its own file, <c>Models/Descriptors/&lt;Name&gt;Endpoint.cs</c>: its path, its name and own limits
    /// (in this partial class), its section (its row and its one model, named after the recipe so the journal,
    /// Get-RunwayTask and the cost show it), its spec and its builder. Runway publishes no recipe price: all are
    /// <see cref="UnknownPrice"/>.
    /// </summary>
    public static partial class RecipeCatalog
    {
        /// <summary>The task endpoint of a recipe, below /v1/.</summary>
        public static string Endpoint(string recipe) => "recipes/" + recipe;

        /// <summary>The recipe an endpoint serves, or null for an endpoint that is not a recipe.</summary>
        public static string? RecipeOf(string? endpoint) =>
            endpoint != null && endpoint.StartsWith("recipes/", StringComparison.Ordinal) ? endpoint.Substring("recipes/".Length) : null;

        /// <summary>The version that tracks the newest stable one and "may break without notice": never the module's default.</summary>
        public const string UnsafeLatest = "unsafe-latest";

        /// <summary>The versions each recipe's declaration lists (version is required by the API).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Versions = new[]
        {
            AdLocalization, MarketingStockImage, MultiShotVideo, ProductAd, ProductCampaignImage, ProductSwap, ProductUgc,
        }.ToDictionary(r => r, r => Declarations.ValuesOf(Endpoint(r), "version"));

        /// <summary>The module's default version: the newest dated version the declarations list for the recipe.</summary>
        public static string DefaultVersion(string recipe) =>
            Versions[recipe].Where(v => v != UnsafeLatest).OrderBy(v => v, StringComparer.Ordinal).Last();

        /// <summary>ad_localization's targetLanguage codes, with the language each names (the -Language completer shows the names).</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> Languages = new[]
        {
            L("ar", "Arabic"), L("zh", "Chinese"), L("zh-Hant", "Chinese (Traditional)"), L("nl", "Dutch"), L("en", "English"),
            L("fr", "French"), L("de", "German"), L("hi", "Hindi"), L("id", "Indonesian"), L("it", "Italian"), L("ja", "Japanese"),
            L("ko", "Korean"), L("pl", "Polish"), L("pt", "Portuguese"), L("ru", "Russian"), L("es", "Spanish"), L("sv", "Swedish"),
            L("th", "Thai"), L("tr", "Turkish"), L("uk", "Ukrainian"), L("vi", "Vietnamese"), L("el", "Greek"),
        };

        // The choices the recipes' completer offers (RecipeChoiceCompleter) as well as their builders check.
        public static readonly IReadOnlyList<string> Qualities = Declarations.ValuesOf(Endpoint(MarketingStockImage), "quality");
        public static readonly IReadOnlyList<string> MultiShotModes = Declarations.ValuesOf(Endpoint(MultiShotVideo), "mode");
        public static readonly IReadOnlyList<string> SwapResolutions = Declarations.ValuesOf(Endpoint(ProductSwap), "resolution");

        /// <summary>product_ad's product images and product_swap's new product images: 1–10.</summary>
        public const int MinProductImages = 1, MaxProductImages = 10;

        /// <summary>Every recipe's model, in catalog order (read from the catalog, which composes the descriptors).</summary>
        public static ModelInfo[] Models => ModelCatalog.Models.Where(m => m.Endpoints.Any(e => RecipeOf(e) != null)).ToArray();

        /// <summary>A recipe's row: its path, its cmdlet, and its one model, the recipe's name.</summary>
        internal static EndpointInfo Row(string endpoint, string cmdlet) => new EndpointInfo(endpoint, cmdlet, NameOf(endpoint));

        /// <summary>A recipe's one model: named after the recipe, served by its path alone, price unknown.</summary>
        internal static ModelInfo Model(string endpoint, MediaKind output, string summary, string[]? ratios = null, DurationRule? duration = null) => new ModelInfo
        {
            Name = NameOf(endpoint), Output = output, Summary = summary, Endpoints = new[] { endpoint },
            Ratios = ratios ?? Array.Empty<string>(), Duration = duration, Price = new UnknownPrice(),
        };

        private static string NameOf(string endpoint) =>
            RecipeOf(endpoint) ?? throw new ArgumentException($"'{endpoint}' is not a recipe's path (recipes/<name>).", nameof(endpoint));

        private static KeyValuePair<string, string> L(string code, string name) => new KeyValuePair<string, string>(code, name);
    }
}
