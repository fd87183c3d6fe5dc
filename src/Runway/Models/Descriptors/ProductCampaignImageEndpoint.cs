// recipes/product_campaign_image: four fashion campaign images from a product image and a style brief (New-RunwayProductCampaignImage).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ProductCampaignImageRecipe = "recipes/product_campaign_image";
    }

    public static partial class RecipeCatalog
    {
        public const string ProductCampaignImage = "product_campaign_image";
    }

    /// <summary>product_campaign_image's row and its one model.</summary>
    internal sealed class ProductCampaignImageSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.ProductCampaignImageRecipe, MediaKind.Image,
            "Four fashion campaign images from a product image and a style brief.");

        public ProductCampaignImageSection() : base(404, RecipeCatalog.Row(Endpoints.ProductCampaignImageRecipe, "New-RunwayProductCampaignImage"), Model) { }
    }

    public sealed class ProductCampaignImageSpec : RecipeSpec
    {
        public IMediaInput? Image { get; set; }
        public string? Prompt { get; set; }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ProductCampaignImage(ProductCampaignImageSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.ProductCampaignImageRecipe, ProductCampaignImageSection.Model, spec);
            IMediaInput image = Required(spec.Image, "Image");
            request.Body["image"] = UriObject(request, image);
            ApplyText(request, "prompt", "Prompt", spec.Prompt, required: true);
            request.Details.Add("4 images, from " + image.Display);
            return request;
        }
    }
}
