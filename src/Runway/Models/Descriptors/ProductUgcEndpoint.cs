// recipes/product_ugc: a vertical user-generated-content ad from a character image and a product image (New-RunwayProductUgc).
using System.Globalization;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ProductUgcRecipe = "recipes/product_ugc";
    }

    public static partial class RecipeCatalog
    {
        public const string ProductUgc = "product_ugc";
        /// <summary>product_ugc's images: width / height between 0.4 and 4.</summary>
        public const double MinAspect = 0.4, MaxAspect = 4;
    }

    /// <summary>product_ugc's row and its one model.</summary>
    internal sealed class ProductUgcSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.ProductUgcRecipe, MediaKind.Video,
            "A vertical user-generated-content ad from a character image and a product image.",
            new[] { "720:1280", "1080:1920" }, new DurationRule(4, 15, false, 15));

        public ProductUgcSection() : base(406, RecipeCatalog.Row(Endpoints.ProductUgcRecipe, "New-RunwayProductUgc"), Model) { }
    }

    public sealed class ProductUgcSpec : RecipeAdSpec
    {
        public IMediaInput? CharacterImage { get; set; }
        public IMediaInput? ProductImage { get; set; }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ProductUgc(ProductUgcSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.ProductUgcRecipe, ProductUgcSection.Model, spec);
            IMediaInput character = CheckAspect(request, Required(spec.CharacterImage, "CharacterImage"), "CharacterImage");
            IMediaInput product = CheckAspect(request, Required(spec.ProductImage, "ProductImage"), "ProductImage");
            request.Body["characterImage"] = UriObject(request, character);
            request.Body["productImage"] = UriObject(request, product);
            request.Details.Add($"{character.Display} with {product.Display}");
            ApplyAdSettings(request, spec);
            return request;
        }

        /// <summary>product_ugc's images must be 0.4–4 times as wide as tall (checked when the size can be read here).</summary>
        private static IMediaInput CheckAspect(GenerationRequest request, IMediaInput image, string parameter)
        {
            if (image.PixelSize is (int width, int height) && height > 0)
            {
                double aspect = (double)width / height;
                if (aspect < RecipeCatalog.MinAspect || aspect > RecipeCatalog.MaxAspect)
                    throw Invalid(parameter, "Runway.InvalidAspectRatio",
                        $"'{image.Display}' is {width}×{height} (width / height {aspect.ToString("0.###", CultureInfo.InvariantCulture)}); {request.Model.Name} takes images whose width / height is {RecipeCatalog.MinAspect.ToString(CultureInfo.InvariantCulture)}–{RecipeCatalog.MaxAspect.ToString(CultureInfo.InvariantCulture)}.", image.Value);
            }
            return image;
        }
    }
}
