using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// The catalog's section for the recipes (POST /v1/recipes/{name}, SDK 4.20.1 recipes.d.ts): one endpoint and
    /// one "model" per recipe (the recipe's name, so the journal, Get-RunwayTask and the cost show it), and every
    /// value and limit the declarations state. Runway publishes no recipe price: all are <see cref="UnknownPrice"/>.
    /// </summary>
    public static class RecipeCatalog
    {
        /// <summary>The descriptor of the recipes (builders: RequestBuilder.Recipes.cs).</summary>
        internal sealed class Section : CatalogSection
        {
            public override int Order => 400;
            public override IEnumerable<EndpointInfo> EndpointRows => RecipeCatalog.EndpointRows;
            public override IEnumerable<ModelInfo> Models => RecipeCatalog.Models;
        }

        public const string AdLocalization = "ad_localization";
        public const string MarketingStockImage = "marketing_stock_image";
        public const string MultiShotVideo = "multi_shot_video";
        public const string ProductAd = "product_ad";
        public const string ProductCampaignImage = "product_campaign_image";
        public const string ProductSwap = "product_swap";
        public const string ProductUgc = "product_ugc";

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

        /// <summary>ad_localization's targetLanguage codes, with the language each names.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> Languages = new[]
        {
            L("ar", "Arabic"), L("zh", "Chinese"), L("zh-Hant", "Chinese (Traditional)"), L("nl", "Dutch"), L("en", "English"),
            L("fr", "French"), L("de", "German"), L("hi", "Hindi"), L("id", "Indonesian"), L("it", "Italian"), L("ja", "Japanese"),
            L("ko", "Korean"), L("pl", "Polish"), L("pt", "Portuguese"), L("ru", "Russian"), L("es", "Spanish"), L("sv", "Swedish"),
            L("th", "Thai"), L("tr", "Turkish"), L("uk", "Ukrainian"), L("vi", "Vietnamese"), L("el", "Greek"),
        };

        public static readonly IReadOnlyList<string> Qualities = Declarations.ValuesOf(Endpoint(MarketingStockImage), "quality");
        public const int MinOutputCount = 1, MaxOutputCount = 4;

        public static readonly IReadOnlyList<string> MultiShotModes = Declarations.ValuesOf(Endpoint(MultiShotVideo), "mode");
        public const int MinShots = 3, MaxShots = 5;

        public const int MinProductImages = 1, MaxProductImages = 10;
        public const int MaxStyleImages = 4;

        public static readonly IReadOnlyList<string> Views = Declarations.ValuesOf(Endpoint(ProductSwap), "newProductImages.view");
        public static readonly IReadOnlyList<string> SwapResolutions = Declarations.ValuesOf(Endpoint(ProductSwap), "resolution");
        /// <summary>product_swap's reference video must last 1.8–15 s.</summary>
        public static readonly DurationRule ReferenceVideoDuration = new DurationRule(1.8, 15, false, 10);

        /// <summary>product_ugc's images: width / height between 0.4 and 4.</summary>
        public const double MinAspect = 0.4, MaxAspect = 4;

        public static readonly EndpointInfo[] EndpointRows =
        {
            Row(AdLocalization, "New-RunwayAdLocalization"),
            Row(MarketingStockImage, "New-RunwayMarketingImage"),
            Row(MultiShotVideo, "New-RunwayMultiShotVideo"),
            Row(ProductAd, "New-RunwayProductAd"),
            Row(ProductCampaignImage, "New-RunwayProductCampaignImage"),
            Row(ProductSwap, "New-RunwayProductSwap"),
            Row(ProductUgc, "New-RunwayProductUgc"),
        };

        public static readonly ModelInfo[] Models =
        {
            Recipe(AdLocalization, MediaKind.Image, "The ad image localized for a target language (one image)."),
            Recipe(MarketingStockImage, MediaKind.Image, "Marketing stock images from a text brief and an optional brand logo (1–4 images)."),
            Recipe(MultiShotVideo, MediaKind.Video, "A multi-cut video from a story prompt (5 shots) or a custom list of 3–5 shots.",
                new[] { "1280:720", "720:1280", "960:960", "1920:1080", "1080:1920", "1440:1440" }, new DurationRule(5, 15, true, 10, 5, 10, 15)),
            Recipe(ProductAd, MediaKind.Video, "A cinematic product ad from 1–10 product images and up to 4 style images.",
                new[] { "1280:720", "720:1280", "960:960", "834:1112", "1920:1080", "1080:1920", "1440:1440", "1248:1664" }, new DurationRule(4, 15, false, 10)),
            Recipe(ProductCampaignImage, MediaKind.Image, "Four fashion campaign images from a product image and a style brief."),
            Recipe(ProductSwap, MediaKind.Video, "The product in a reference video replaced by a new one, camera motion and lighting kept.",
                null, new DurationRule(4, 15, false, 10)),
            Recipe(ProductUgc, MediaKind.Video, "A vertical user-generated-content ad from a character image and a product image.",
                new[] { "720:1280", "1080:1920" }, new DurationRule(4, 15, false, 15)),
        };

        public static ModelInfo Find(string recipe) => Models.First(m => m.Name == recipe);

        private static KeyValuePair<string, string> L(string code, string name) => new KeyValuePair<string, string>(code, name);

        private static EndpointInfo Row(string recipe, string cmdlet) => new EndpointInfo(Endpoint(recipe), cmdlet, recipe);

        private static ModelInfo Recipe(string name, MediaKind output, string summary, string[]? ratios = null, DurationRule? duration = null) => new ModelInfo
        {
            Name = name, Output = output, Summary = summary, Endpoints = new[] { Endpoint(name) },
            Ratios = ratios ?? Array.Empty<string>(), Duration = duration, Price = new UnknownPrice(),
        };
    }
}
