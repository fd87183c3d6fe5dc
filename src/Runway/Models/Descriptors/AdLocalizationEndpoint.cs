// recipes/ad_localization: an ad image localized for one target language (New-RunwayAdLocalization).
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string AdLocalizationRecipe = "recipes/ad_localization";
    }

    public static partial class RecipeCatalog
    {
        public const string AdLocalization = "ad_localization";
    }

    /// <summary>ad_localization's row and its one model.</summary>
    internal sealed class AdLocalizationSection : EndpointSection
    {
        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.AdLocalizationRecipe, MediaKind.Image,
            "The ad image localized for a target language (one image).");

        public AdLocalizationSection() : base(400, RecipeCatalog.Row(Endpoints.AdLocalizationRecipe, "New-RunwayAdLocalization"), Model) { }
        
    }

    public sealed class AdLocalizationSpec : RecipeSpec
    {
        public IMediaInput? Image { get; set; }
        public string? Language { get; set; }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest AdLocalization(AdLocalizationSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.AdLocalizationRecipe, AdLocalizationSection.Model, spec);
            IMediaInput image = Required(spec.Image, "Image");
            request.Body["referenceImage"] = UriObject(request, image);
            if (spec.Language == null)
                throw Invalid("Language", "Runway.MissingInput", $"{RecipeCatalog.AdLocalization} needs -Language: {string.Join(", ", RecipeCatalog.Languages.Select(l => l.Key))}.", null);
            string? language = ApplyChoice(request, "targetLanguage", "Language", spec.Language, RecipeCatalog.Languages.Select(l => l.Key).ToArray());
            request.Details.Add($"to {language}, from {image.Display}");
            return request;
        }
    }
}
