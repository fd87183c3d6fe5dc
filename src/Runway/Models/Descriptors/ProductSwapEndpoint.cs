// recipes/product_swap: the product in a reference video replaced by a new one (New-RunwayProductSwap).
using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ProductSwapRecipe = "recipes/product_swap";
    }

    public static partial class RecipeCatalog
    {
        public const string ProductSwap = "product_swap";
        /// <summary>The views a new product image may be labelled with.</summary>
        public static readonly IReadOnlyList<string> Views = Declarations.ValuesOf(Endpoint(ProductSwap), "newProductImages.view");
        /// <summary>product_swap's reference video must last 1.8–15 s.</summary>
        public static readonly DurationRule ReferenceVideoDuration = new DurationRule(1.8, 15, false, 10);
    }

    /// <summary>product_swap's row and its one model.</summary>
    internal sealed class ProductSwapSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.ProductSwapRecipe, MediaKind.Video,
            "The product in a reference video replaced by a new one, camera motion and lighting kept.",
            null, new DurationRule(4, 15, false, 10));

        public ProductSwapSection() : base(405, RecipeCatalog.Row(Endpoints.ProductSwapRecipe, "New-RunwayProductSwap"), Model) { }
    }

    /// <summary>One image of the new product, optionally labelled with the view it shows.</summary>
    public sealed class ViewImage
    {
        public IMediaInput? Source { get; set; }
        public string? View { get; set; }
    }

    public sealed class ProductSwapSpec : RecipeSpec
    {
        public IList<ViewImage> NewProductImages { get; set; } = new List<ViewImage>();
        public IMediaInput? OriginalProductImage { get; set; }
        public IMediaInput? ReferenceVideo { get; set; }
        public double? Duration { get; set; }
        public string? Resolution { get; set; }
        public bool? Audio { get; set; }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ProductSwap(ProductSwapSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.ProductSwapRecipe, ProductSwapSection.Model, spec);
            string recipe = request.Model.Name;
            IMediaInput video = Required(spec.ReferenceVideo, "ReferenceVideo");
            if (video.DurationSeconds is double seconds && !RecipeCatalog.ReferenceVideoDuration.Accepts(Math.Round(seconds, 3)))
                throw Invalid("ReferenceVideo", "Runway.InvalidInputDuration",
                    $"'{video.Display}' lasts {DurationRule.Format(seconds)} s; {recipe} takes a reference video of {RecipeCatalog.ReferenceVideoDuration.Describe()}.", video.Value);
            IMediaInput original = Required(spec.OriginalProductImage, "OriginalProductImage");
            int count = spec.NewProductImages.Count;
            CheckCount(recipe, "NewProductImage", "new product images", count, RecipeCatalog.MinProductImages, RecipeCatalog.MaxProductImages);
            var images = new JsonArray();
            foreach (ViewImage item in spec.NewProductImages)
            {
                JsonObject image = UriObject(request, Required(item.Source, "NewProductImage"));
                if (item.View != null) image["view"] = Choice("NewProductImage", item.View, RecipeCatalog.Views, recipe, "view");
                images.Add(image);
            }
            request.Body["newProductImages"] = images;
            request.Body["originalProductImage"] = UriObject(request, original);
            request.Body["referenceVideo"] = UriObject(request, video);
            request.Details.Add($"{count} new product image{(count == 1 ? "" : "s")}, into {video.Display}");
            ApplyDuration(request, spec.Duration);
            string? resolution = ApplyChoice(request, "resolution", "Resolution", spec.Resolution, RecipeCatalog.SwapResolutions);
            if (resolution != null) request.Details.Add(resolution);
            ApplyAudio(request, spec.Audio);
            return request;
        }
    }
}
