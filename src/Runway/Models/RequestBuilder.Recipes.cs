#nullable disable
// nullable: annotated after the Models restructuring (issue 23)
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>What every recipe takes: the workflow version (required by the API; the module defaults to the newest dated one).</summary>
    public abstract class RecipeSpec
    {
        public string Version { get; set; }
    }

    public sealed class AdLocalizationSpec : RecipeSpec
    {
        public IMediaInput Image { get; set; }
        public string Language { get; set; }
    }

    public sealed class MarketingImageSpec : RecipeSpec
    {
        public string Prompt { get; set; }
        public int? OutputCount { get; set; }
        public string Quality { get; set; }
        public IMediaInput Logo { get; set; }
    }

    public sealed class MultiShotSpec : RecipeSpec
    {
        /// <summary>auto or custom; null: custom when shots are given, else auto.</summary>
        public string Mode { get; set; }
        public string Prompt { get; set; }
        /// <summary>Each shot as plain data: Duration and Prompt (any other key is refused).</summary>
        public IList<IDictionary<string, object>> Shots { get; set; }
        public double? Duration { get; set; }
        public string Ratio { get; set; }
        public IMediaInput FirstFrame { get; set; }
        public bool? Audio { get; set; }
    }

    public sealed class ProductAdSpec : RecipeSpec
    {
        public IList<IMediaInput> ProductImages { get; set; } = new List<IMediaInput>();
        public IList<IMediaInput> StyleImages { get; set; } = new List<IMediaInput>();
        public string ProductInfo { get; set; }
        public string UserConcept { get; set; }
        public double? Duration { get; set; }
        public string Ratio { get; set; }
        public bool? Audio { get; set; }
    }

    public sealed class ProductCampaignImageSpec : RecipeSpec
    {
        public IMediaInput Image { get; set; }
        public string Prompt { get; set; }
    }

    /// <summary>One image of the new product, optionally labelled with the view it shows.</summary>
    public sealed class ViewImage
    {
        public IMediaInput Source { get; set; }
        public string View { get; set; }
    }

    public sealed class ProductSwapSpec : RecipeSpec
    {
        public IList<ViewImage> NewProductImages { get; set; } = new List<ViewImage>();
        public IMediaInput OriginalProductImage { get; set; }
        public IMediaInput ReferenceVideo { get; set; }
        public double? Duration { get; set; }
        public string Resolution { get; set; }
        public bool? Audio { get; set; }
    }

    public sealed class ProductUgcSpec : RecipeSpec
    {
        public IMediaInput CharacterImage { get; set; }
        public IMediaInput ProductImage { get; set; }
        public string ProductInfo { get; set; }
        public string UserConcept { get; set; }
        public double? Duration { get; set; }
        public string Ratio { get; set; }
        public bool? Audio { get; set; }
    }

    public static partial class RequestBuilder
    {
        /// <summary>The keys a -Shot item may have.</summary>
        public static readonly IReadOnlyList<string> ShotKeys = new[] { "Duration", "Prompt" };

        public static GenerationRequest AdLocalization(AdLocalizationSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.AdLocalization, spec);
            IMediaInput image = Required(spec.Image, "Image");
            request.Body["referenceImage"] = UriObject(request, image);
            if (spec.Language == null)
                throw Invalid("Language", "Runway.MissingInput", $"{RecipeCatalog.AdLocalization} needs -Language: {string.Join(", ", RecipeCatalog.Languages.Select(l => l.Key))}.", null);
            string language = ApplyChoice(request, "targetLanguage", "Language", spec.Language, RecipeCatalog.Languages.Select(l => l.Key).ToArray());
            request.Details.Add($"to {language}, from {image.Display}");
            return request;
        }

        public static GenerationRequest MarketingImage(MarketingImageSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.MarketingStockImage, spec);
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
            string quality = ApplyChoice(request, "quality", "Quality", spec.Quality, RecipeCatalog.Qualities);
            if (quality != null) request.Details.Add(quality + " quality");
            if (spec.Logo != null)
            {
                request.Body["referenceImage"] = UriObject(request, spec.Logo);
                request.Details.Add("logo " + spec.Logo.Display);
            }
            return request;
        }

        public static GenerationRequest MultiShotVideo(MultiShotSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.MultiShotVideo, spec);
            string recipe = request.Model.Name;
            string mode = spec.Mode == null ? (spec.Shots != null ? "custom" : "auto") : Choice("Mode", spec.Mode, RecipeCatalog.MultiShotModes, recipe);
            request.Body["mode"] = mode;
            double? duration = spec.Duration;
            if (mode == "auto")
            {
                if (spec.Shots != null)
                    throw Invalid("Shot", "Runway.ShotsNeedCustomMode", $"-Shot goes with -Mode custom; in mode auto {recipe} makes five shots from -Prompt.", null);
                ApplyText(request, "prompt", "Prompt", spec.Prompt, required: true);
                request.Details.Add("5 shots from the prompt");
            }
            else
            {
                if (spec.Prompt != null)
                    throw Invalid("Prompt", "Runway.PromptNotForCustomMode", $"In mode custom {recipe} takes its prompts from -Shot; -Prompt goes with mode auto.", spec.Prompt);
                if (spec.Shots == null)
                    throw Invalid("Shot", "Runway.MissingShots", $"Mode custom needs -Shot: {RecipeCatalog.MinShots}–{RecipeCatalog.MaxShots} shots such as @{{ Duration = 5; Prompt = '...' }}.", null);
                double sum = ApplyShots(request, spec.Shots);
                if (!duration.HasValue)
                {
                    // The shots must add up to the duration; without -Duration, their sum is the duration asked for.
                    if (!request.Model.Duration.Accepts(sum))
                        throw Invalid("Shot", "Runway.ShotDurationSum", $"The shots last {DurationRule.Format(sum)} s in all; {recipe} makes {request.Model.Duration.Describe()}: make their durations add up to one of those.", sum);
                    duration = sum;
                }
                else if (request.Model.Duration.Accepts(duration.Value) && Math.Abs(sum - duration.Value) > 1e-9)
                    throw Invalid("Shot", "Runway.ShotDurationSum", $"The shots last {DurationRule.Format(sum)} s in all, but -Duration is {DurationRule.Format(duration.Value)} s; the shot durations must add up to -Duration.", sum);
            }
            ApplyDuration(request, duration);
            ApplyRatio(request, spec.Ratio);
            if (spec.FirstFrame != null)
            {
                request.Body["firstFrame"] = UriObject(request, spec.FirstFrame);
                request.Details.Add("from " + spec.FirstFrame.Display);
            }
            ApplyAudio(request, spec.Audio);
            return request;
        }

        public static GenerationRequest ProductAd(ProductAdSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.ProductAd, spec);
            request.Body["productImages"] = UriList(request, spec.ProductImages, "ProductImage", "product images", RecipeCatalog.MinProductImages, RecipeCatalog.MaxProductImages);
            if (spec.StyleImages.Count > 0)
                request.Body["styleImages"] = UriList(request, spec.StyleImages, "StyleImage", "style images", 0, RecipeCatalog.MaxStyleImages);
            ApplyText(request, "productInfo", "ProductInfo", spec.ProductInfo, required: false);
            ApplyText(request, "userConcept", "UserConcept", spec.UserConcept, required: false);
            ApplyDuration(request, spec.Duration);
            ApplyRatio(request, spec.Ratio);
            ApplyAudio(request, spec.Audio);
            return request;
        }

        public static GenerationRequest ProductCampaignImage(ProductCampaignImageSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.ProductCampaignImage, spec);
            IMediaInput image = Required(spec.Image, "Image");
            request.Body["image"] = UriObject(request, image);
            ApplyText(request, "prompt", "Prompt", spec.Prompt, required: true);
            request.Details.Add("4 images, from " + image.Display);
            return request;
        }

        public static GenerationRequest ProductSwap(ProductSwapSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.ProductSwap, spec);
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
            string resolution = ApplyChoice(request, "resolution", "Resolution", spec.Resolution, RecipeCatalog.SwapResolutions);
            if (resolution != null) request.Details.Add(resolution);
            ApplyAudio(request, spec.Audio);
            return request;
        }

        public static GenerationRequest ProductUgc(ProductUgcSpec spec)
        {
            GenerationRequest request = Recipe(RecipeCatalog.ProductUgc, spec);
            IMediaInput character = CheckAspect(request, Required(spec.CharacterImage, "CharacterImage"), "CharacterImage");
            IMediaInput product = CheckAspect(request, Required(spec.ProductImage, "ProductImage"), "ProductImage");
            request.Body["characterImage"] = UriObject(request, character);
            request.Body["productImage"] = UriObject(request, product);
            request.Details.Add($"{character.Display} with {product.Display}");
            ApplyText(request, "productInfo", "ProductInfo", spec.ProductInfo, required: false);
            ApplyText(request, "userConcept", "UserConcept", spec.UserConcept, required: false);
            ApplyDuration(request, spec.Duration);
            ApplyRatio(request, spec.Ratio);
            ApplyAudio(request, spec.Audio);
            return request;
        }

        /// <summary>Refuses a record's keys that a recipe field does not have (a misspelt -Shot or -NewProductImage key).</summary>
        public static void CheckKeys(string recipe, string parameter, IEnumerable<string> keys, IReadOnlyList<string> allowed)
        {
            RecordKeys.Check(keys, allowed, parameter, $"an item of {recipe}'s -{parameter}");
        }

        /// <summary>The request of a recipe: its endpoint, no model field (the recipe is in the path), and the version.</summary>
        private static GenerationRequest Recipe(string recipe, RecipeSpec spec)
        {
            var request = new GenerationRequest(RecipeCatalog.Endpoint(recipe), RecipeCatalog.Find(recipe));
            request.Body.Remove("model");
            string version = spec.Version == null ? RecipeCatalog.DefaultVersion(recipe) : Choice("Version", spec.Version, RecipeCatalog.Versions[recipe], recipe);
            request.Body["version"] = version;
            request.Details.Add("version " + version);
            return request;
        }

        private static string Choice(string parameter, string value, IReadOnlyList<string> allowed, string recipe, string field = null)
        {
            string found = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            return found ?? throw Invalid(parameter, "Runway.InvalidChoice",
                $"{(field == null ? "-" + parameter : $"The {field} of -{parameter}")} '{value}' is not possible for {recipe}; choose {string.Join(", ", allowed)}.", value);
        }

        private static JsonObject UriObject(GenerationRequest request, IMediaInput source)
        {
            var holder = new JsonObject();
            request.AddMedia(holder, "uri", source);
            return holder;
        }

        private static JsonArray UriList(GenerationRequest request, IList<IMediaInput> sources, string parameter, string what, int min, int max)
        {
            CheckCount(request.Model.Name, parameter, what, sources.Count, min, max);
            var list = new JsonArray();
            foreach (IMediaInput source in sources) list.Add(UriObject(request, Required(source, parameter)));
            request.Details.Add($"{sources.Count} {what}");
            return list;
        }

        private static void CheckCount(string recipe, string parameter, string what, int count, int min, int max)
        {
            if (count < min || count > max)
                throw Invalid(parameter, "Runway.InvalidCount",
                    $"{recipe} takes {(min > 0 ? $"{min}–{max}" : $"at most {max}")} {what}; {count} {(count == 1 ? "was" : "were")} given.", count);
        }

        /// <summary>Sums the shots after checking each one (a duration above 0, a prompt, no other key) and puts them in the body.</summary>
        private static double ApplyShots(GenerationRequest request, IList<IDictionary<string, object>> shots)
        {
            string recipe = request.Model.Name;
            // Keys first, so a misspelt key is named as such whatever the count.
            foreach (IDictionary<string, object> shot in shots.Where(s => s != null)) CheckKeys(recipe, "Shot", shot.Keys, ShotKeys);
            CheckCount(recipe, "Shot", "shots in mode custom", shots.Count, RecipeCatalog.MinShots, RecipeCatalog.MaxShots);
            var list = new JsonArray();
            double sum = 0;
            for (int i = 0; i < shots.Count; i++)
            {
                IDictionary<string, object> shot = shots[i] ?? throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} is empty; each shot is @{{ Duration = 5; Prompt = '...' }}.", null);
                CheckKeys(recipe, "Shot", shot.Keys, ShotKeys);
                object rawDuration = shot.FirstOrDefault(p => p.Key.Equals("Duration", StringComparison.OrdinalIgnoreCase)).Value;
                object rawPrompt = shot.FirstOrDefault(p => p.Key.Equals("Prompt", StringComparison.OrdinalIgnoreCase)).Value;
                if (!TryNumber(rawDuration, out double seconds) || !(seconds > 0) || double.IsInfinity(seconds))
                    throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} needs a Duration in seconds above 0{(rawDuration == null ? "" : $"; '{rawDuration}' is not one")}.", rawDuration);
                if (!(rawPrompt is string text) || text.Trim().Length == 0)
                    throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} needs a Prompt (the shot's description).", rawPrompt);
                list.Add(new JsonObject { ["duration"] = GenerationRequest.Number(seconds), ["prompt"] = text });
                request.Texts.Add(text);
                sum += seconds;
            }
            request.Body["shots"] = list;
            request.Details.Add($"{shots.Count} custom shots");
            return Math.Round(sum, 9);
        }

        private static void ApplyText(GenerationRequest request, string field, string parameter, string value, bool required)
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
