// recipes/marketing_stock_image: marketing stock images from a text brief and an optional logo (New-RunwayMarketingImage).

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string MarketingStockImageRecipe = "recipes/marketing_stock_image";
    }

    public static partial class RecipeCatalog
    {
        public const string MarketingStockImage = "marketing_stock_image";
        /// <summary>outputCount: 1–4 images (the API makes 4 when it is not sent).</summary>
        public const int MinOutputCount = 1, MaxOutputCount = 4;
    }

    /// <summary>marketing_stock_image's row and its one model.</summary>
    internal sealed class MarketingStockImageSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.MarketingStockImageRecipe, MediaKind.Image,
            "Marketing stock images from a text brief and an optional brand logo (1–4 images).");

        public MarketingStockImageSection() : base(401, RecipeCatalog.Row(Endpoints.MarketingStockImageRecipe, "New-RunwayMarketingImage"), Model) { }
    }

    public sealed class MarketingImageSpec : RecipeSpec
    {
        public string? Prompt { get; set; }
        public int? OutputCount { get; set; }
        public string? Quality { get; set; }
        public IMediaInput? Logo { get; set; }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest MarketingImage(MarketingImageSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.MarketingStockImageRecipe, MarketingStockImageSection.Model, spec);
            ApplyText(request, "prompt", "Prompt", spec.Prompt, required: true);
            if (spec.OutputCount.HasValue)
            {
                int count = spec.OutputCount.Value;
                if (count < RecipeCatalog.MinOutputCount || count > RecipeCatalog.MaxOutputCount)
                    throw Invalid("OutputCount", "Runway.OutOfRange", $"{request.Model.Name} makes {RecipeCatalog.MinOutputCount}–{RecipeCatalog.MaxOutputCount} images; -OutputCount {count} is out of range.", count);
                request.Body["outputCount"] = count;
                request.Cost.OutputCount = count;
            }
            request.Details.Add($"{spec.OutputCount ?? RecipeCatalog.MaxOutputCount} image{(spec.OutputCount == 1 ? "" : "s")}");
            string? quality = ApplyChoice(request, "quality", "Quality", spec.Quality, RecipeCatalog.Qualities);
            if (quality != null) request.Details.Add(quality + " quality");
            if (spec.Logo != null)
            {
                request.Body["referenceImage"] = UriObject(request, spec.Logo);
                request.Details.Add("logo " + spec.Logo.Display);
            }
            return request;
        }
    }
}
