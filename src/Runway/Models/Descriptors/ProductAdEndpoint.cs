// recipes/product_ad: a cinematic product ad video from product and style images (New-RunwayProductAd).
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ProductAdRecipe = "recipes/product_ad";
    }

    public static partial class RecipeCatalog
    {
        public const string ProductAd = "product_ad";
        /// <summary>styleImages: at most 4.</summary>
        public const int MaxStyleImages = 4;
    }

    /// <summary>product_ad's row and its one model.</summary>
    internal sealed class ProductAdSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.ProductAdRecipe, MediaKind.Video,
            "A cinematic product ad from 1–10 product images and up to 4 style images.",
            new[] { "1280:720", "720:1280", "960:960", "834:1112", "1920:1080", "1080:1920", "1440:1440", "1248:1664" }, new DurationRule(4, 15, false, 10));

        public ProductAdSection() : base(403, RecipeCatalog.Row(Endpoints.ProductAdRecipe, "New-RunwayProductAd"), Model) { }
    }

    public sealed class ProductAdSpec : RecipeAdSpec
    {
        public IList<IMediaInput?> ProductImages { get; set; } = new List<IMediaInput?>();
        public IList<IMediaInput?> StyleImages { get; set; } = new List<IMediaInput?>();
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ProductAd(ProductAdSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.ProductAdRecipe, ProductAdSection.Model, spec);
            request.Body["productImages"] = UriList(request, spec.ProductImages, "ProductImage", "product images", RecipeCatalog.MinProductImages, RecipeCatalog.MaxProductImages);
            if (spec.StyleImages.Count > 0)
                request.Body["styleImages"] = UriList(request, spec.StyleImages, "StyleImage", "style images", 0, RecipeCatalog.MaxStyleImages);
            ApplyAdSettings(request, spec);
            return request;
        }
    }
}
