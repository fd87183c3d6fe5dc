using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>The recipe requests (POST /v1/recipes/{name}): body shapes as recipes.d.ts declares them, versions, counts, shots and media rules.</summary>
    public sealed class RecipeRequestTests : IDisposable
    {
        private const string A = "https://example.com/a.png", B = "https://example.com/b.png", V = "https://example.com/v.mp4";
        private readonly string folder = Path.Combine(Path.GetTempPath(), "runway-recipe-tests-" + Guid.NewGuid().ToString("N"));

        public RecipeRequestTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private static MediaSource Image(string uri) => MediaSource.From(uri, "Image", p => p, MediaKind.Image);

        /// <summary>A PNG whose header says width × height (the body is never read).</summary>
        private MediaSource Png(int width, int height)
        {
            string path = Path.Combine(folder, $"{width}x{height}.png");
            var bytes = new byte[33];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
            for (int i = 0; i < 4; i++)
            {
                bytes[19 - i] = (byte)(width >> (8 * i));
                bytes[23 - i] = (byte)(height >> (8 * i));
            }
            File.WriteAllBytes(path, bytes);
            return MediaSource.From(path, "ProductImage", p => p, MediaKind.Image);
        }

        private static IDictionary<string, object> Shot(object duration, string prompt) =>
            new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Duration"] = duration, ["Prompt"] = prompt };

        private static RunwayInputException Refused(Func<GenerationRequest> build, string parameter, string errorId)
        {
            var error = Assert.Throws<RunwayInputException>(() => build());
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(parameter, error.Parameter);
            Assert.EndsWith(".", error.Message);
            return error;
        }

        [Fact]
        public void Every_recipe_is_its_own_endpoint_and_model_with_no_published_price()
        {
            Assert.Equal(7, RecipeCatalog.Models.Length);
            foreach (ModelInfo recipe in RecipeCatalog.Models)
            {
                EndpointInfo row = ModelCatalog.EndpointTable.Single(e => e.Name == "recipes/" + recipe.Name);
                Assert.Equal(recipe.Name, row.DefaultModel);
                Assert.StartsWith("New-Runway", row.Cmdlet);
                Assert.False(recipe.PriceKnown);
                Assert.Same(recipe, ModelCatalog.Find(recipe.Name));
                Assert.NotEqual(RecipeCatalog.UnsafeLatest, RecipeCatalog.DefaultVersion(recipe.Name));
            }
            Assert.Equal("2026-07", RecipeCatalog.DefaultVersion(RecipeCatalog.ProductAd));
            Assert.Equal("2026-06", RecipeCatalog.DefaultVersion(RecipeCatalog.ProductUgc));
            Assert.Equal(22, RecipeCatalog.Languages.Count);
        }

        [Fact]
        public void Ad_localization_sends_the_image_in_a_uri_object_and_no_model()
        {
            GenerationRequest request = RequestBuilder.AdLocalization(new AdLocalizationSpec { Image = Image(A), Language = "ZH-hant" });
            Assert.Equal("recipes/ad_localization", request.Endpoint);
            Assert.Equal("{\"version\":\"2026-06\",\"referenceImage\":{\"uri\":\"" + A + "\"},\"targetLanguage\":\"zh-Hant\"}", request.Body.ToJsonString());
            Assert.Equal("ad_localization recipe, version 2026-06, to zh-Hant, from " + A, request.Summary);
            Assert.False(request.PriceKnown);
            Assert.Contains("unknown price (Runway publishes none for ad_localization)", request.CostText);
            Refused(() => RequestBuilder.AdLocalization(new AdLocalizationSpec { Image = Image(A), Language = "xx" }), "Language", "Runway.InvalidChoice");
            Refused(() => RequestBuilder.AdLocalization(new AdLocalizationSpec { Image = Image(A), Language = "ja", Version = "2026-07" }), "Version", "Runway.InvalidChoice");
        }

        [Fact]
        public void Marketing_image_sends_count_quality_and_logo_and_checks_the_count()
        {
            GenerationRequest request = RequestBuilder.MarketingImage(new MarketingImageSpec { Prompt = "cafe", OutputCount = 2, Quality = "LOW", Logo = Image(B), Version = "unsafe-latest" });
            Assert.Equal("{\"version\":\"unsafe-latest\",\"prompt\":\"cafe\",\"outputCount\":2,\"quality\":\"low\",\"referenceImage\":{\"uri\":\"" + B + "\"}}", request.Body.ToJsonString());
            Assert.Equal("{\"version\":\"2026-06\",\"prompt\":\"x\"}", RequestBuilder.MarketingImage(new MarketingImageSpec { Prompt = "x" }).Body.ToJsonString());
            Assert.Contains("1–4", Refused(() => RequestBuilder.MarketingImage(new MarketingImageSpec { Prompt = "x", OutputCount = 0 }), "OutputCount", "Runway.OutOfRange").Message);
            Refused(() => RequestBuilder.MarketingImage(new MarketingImageSpec { Prompt = "x", Quality = "ultra" }), "Quality", "Runway.InvalidChoice");
            Refused(() => RequestBuilder.MarketingImage(new MarketingImageSpec()), "Prompt", "Runway.MissingPrompt");
        }

        [Fact]
        public void Multi_shot_auto_sends_the_prompt_and_the_default_length()
        {
            GenerationRequest request = RequestBuilder.MultiShotVideo(new MultiShotSpec { Prompt = "heist", Ratio = "1920x1080", FirstFrame = Image(A), Audio = false });
            Assert.Equal("{\"version\":\"2026-06\",\"mode\":\"auto\",\"prompt\":\"heist\",\"duration\":10,\"ratio\":\"1920:1080\",\"firstFrame\":{\"uri\":\"" + A + "\"},\"audio\":false}", request.Body.ToJsonString());
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Prompt = "x", Duration = 7 }), "Duration", "Runway.InvalidDuration");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Prompt = "x", Ratio = "834:1112" }), "Ratio", "Runway.InvalidRatio");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Mode = "auto" }), "Prompt", "Runway.MissingPrompt");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Mode = "auto", Prompt = "x", Shots = new[] { Shot(5, "a") } }), "Shot", "Runway.ShotsNeedCustomMode");
        }

        [Fact]
        public void Multi_shot_custom_is_implied_by_shots_and_their_sum_is_the_duration()
        {
            var shots = new[] { Shot(2, "a"), Shot("1.5", "b"), Shot(1.5, "c") };
            GenerationRequest request = RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = shots });
            Assert.Equal("{\"version\":\"2026-06\",\"mode\":\"custom\",\"shots\":[{\"duration\":2,\"prompt\":\"a\"},{\"duration\":1.5,\"prompt\":\"b\"},{\"duration\":1.5,\"prompt\":\"c\"}],\"duration\":5}",
                request.Body.ToJsonString());
            Assert.Equal(5, (int)RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = shots, Duration = 5 }).Body["duration"]);
            Assert.Contains("-Duration is 10 s", Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = shots, Duration = 10 }), "Shot", "Runway.ShotDurationSum").Message);
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = new[] { Shot(2, "a"), Shot(2, "b"), Shot(2, "c") } }), "Shot", "Runway.ShotDurationSum");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = shots.Take(2).ToList() }), "Shot", "Runway.InvalidCount");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = Enumerable.Repeat(Shot(2, "a"), 6).ToList() }), "Shot", "Runway.InvalidCount");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = new[] { Shot(-1, "a"), Shot(3, "b"), Shot(3, "c") } }), "Shot", "Runway.InvalidShot");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = new[] { Shot("five", "a"), Shot(3, "b"), Shot(3, "c") } }), "Shot", "Runway.InvalidShot");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = new[] { Shot(5, " "), Shot(3, "b"), Shot(2, "c") } }), "Shot", "Runway.InvalidShot");
            var extra = Shot(5, "a");
            extra["Camera"] = "dolly";
            Assert.Contains("'Camera'", Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Shots = new[] { extra, Shot(3, "b"), Shot(2, "c") } }), "Shot", "Runway.UnknownKey").Message);
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Mode = "custom", Prompt = "x", Shots = shots }), "Prompt", "Runway.PromptNotForCustomMode");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Mode = "custom" }), "Shot", "Runway.MissingShots");
            Refused(() => RequestBuilder.MultiShotVideo(new MultiShotSpec { Mode = "storyboard", Prompt = "x" }), "Mode", "Runway.InvalidChoice");
        }

        [Fact]
        public void Product_ad_sends_image_lists_and_checks_their_counts()
        {
            GenerationRequest request = RequestBuilder.ProductAd(new ProductAdSpec
            {
                ProductImages = { Image(A), Image(B) }, StyleImages = { Image(B) }, ProductInfo = "bottle", UserConcept = "sunrise", Duration = 4.5, Ratio = "834:1112", Audio = true,
            });
            Assert.Equal("{\"version\":\"2026-07\",\"productImages\":[{\"uri\":\"" + A + "\"},{\"uri\":\"" + B + "\"}],\"styleImages\":[{\"uri\":\"" + B + "\"}]," +
                "\"productInfo\":\"bottle\",\"userConcept\":\"sunrise\",\"duration\":4.5,\"ratio\":\"834:1112\",\"audio\":true}", request.Body.ToJsonString());
            Assert.Equal("2026-06", (string)RequestBuilder.ProductAd(new ProductAdSpec { ProductImages = { Image(A) }, Version = "2026-06" }).Body["version"]);
            Refused(() => RequestBuilder.ProductAd(new ProductAdSpec()), "ProductImage", "Runway.InvalidCount");
            Refused(() => RequestBuilder.ProductAd(new ProductAdSpec { ProductImages = Enumerable.Repeat<IMediaInput>(Image(A), 11).ToList() }), "ProductImage", "Runway.InvalidCount");
            Refused(() => RequestBuilder.ProductAd(new ProductAdSpec { ProductImages = { Image(A) }, StyleImages = Enumerable.Repeat<IMediaInput>(Image(A), 5).ToList() }), "StyleImage", "Runway.InvalidCount");
            Refused(() => RequestBuilder.ProductAd(new ProductAdSpec { ProductImages = { Image(A) }, Duration = 3.9 }), "Duration", "Runway.InvalidDuration");
            Refused(() => RequestBuilder.ProductAd(new ProductAdSpec { ProductImages = { Image(A) }, Version = "2026-08" }), "Version", "Runway.InvalidChoice");
        }

        [Fact]
        public void Product_campaign_image_sends_image_and_prompt()
        {
            GenerationRequest request = RequestBuilder.ProductCampaignImage(new ProductCampaignImageSpec { Image = Image(A), Prompt = "editorial" });
            Assert.Equal("{\"version\":\"2026-06\",\"image\":{\"uri\":\"" + A + "\"},\"prompt\":\"editorial\"}", request.Body.ToJsonString());
            Refused(() => RequestBuilder.ProductCampaignImage(new ProductCampaignImageSpec { Image = Image(A) }), "Prompt", "Runway.MissingPrompt");
            Refused(() => RequestBuilder.ProductCampaignImage(new ProductCampaignImageSpec { Prompt = "x" }), "Image", "Runway.MissingInput");
        }

        [Fact]
        public void Product_swap_labels_views_and_checks_the_reference_video_length()
        {
            var spec = new ProductSwapSpec
            {
                ReferenceVideo = MediaSource.From(V, "ReferenceVideo", p => p, MediaKind.Video), OriginalProductImage = Image(A),
                NewProductImages = { new ViewImage { Source = Image(B), View = "Back" }, new ViewImage { Source = Image(A) } }, Resolution = "1080P", Duration = 4,
            };
            Assert.Equal("{\"version\":\"2026-06\",\"newProductImages\":[{\"uri\":\"" + B + "\",\"view\":\"back\"},{\"uri\":\"" + A + "\"}],\"originalProductImage\":{\"uri\":\"" + A + "\"}," +
                "\"referenceVideo\":{\"uri\":\"" + V + "\"},\"duration\":4,\"resolution\":\"1080p\"}", RequestBuilder.ProductSwap(spec).Body.ToJsonString());
            spec.NewProductImages[0].View = "top";
            Assert.Contains("front, side, back", Refused(() => RequestBuilder.ProductSwap(spec), "NewProductImage", "Runway.InvalidChoice").Message);
            spec.NewProductImages[0].View = null;
            spec.ReferenceVideo = new Clip(1.5);
            Assert.Contains("1.8–15 s", Refused(() => RequestBuilder.ProductSwap(spec), "ReferenceVideo", "Runway.InvalidInputDuration").Message);
            spec.ReferenceVideo = new Clip(15.2);
            Refused(() => RequestBuilder.ProductSwap(spec), "ReferenceVideo", "Runway.InvalidInputDuration");
            spec.ReferenceVideo = new Clip(1.8);
            Assert.Equal("recipes/product_swap", RequestBuilder.ProductSwap(spec).Endpoint);
            spec.NewProductImages.Clear();
            Refused(() => RequestBuilder.ProductSwap(spec), "NewProductImage", "Runway.InvalidCount");
        }

        [Fact]
        public void Product_ugc_checks_the_aspect_of_readable_images()
        {
            GenerationRequest request = RequestBuilder.ProductUgc(new ProductUgcSpec { CharacterImage = Png(400, 1000), ProductImage = Png(4000, 1000), Ratio = "1080:1920", UserConcept = "upbeat" });
            Assert.Equal("1080:1920", (string)request.Body["ratio"]);
            Assert.Equal(15, (int)request.Body["duration"]);
            Assert.Equal("upbeat", (string)request.Body["userConcept"]);
            Assert.Contains("0.4–4", Refused(() => RequestBuilder.ProductUgc(new ProductUgcSpec { CharacterImage = Png(399, 1000), ProductImage = Image(A) }), "CharacterImage", "Runway.InvalidAspectRatio").Message);
            Refused(() => RequestBuilder.ProductUgc(new ProductUgcSpec { CharacterImage = Image(A), ProductImage = Png(4001, 1000) }), "ProductImage", "Runway.InvalidAspectRatio");
            Refused(() => RequestBuilder.ProductUgc(new ProductUgcSpec { CharacterImage = Image(A), ProductImage = Image(B), Ratio = "1280:720" }), "Ratio", "Runway.InvalidRatio");
            Refused(() => RequestBuilder.ProductUgc(new ProductUgcSpec { CharacterImage = Image(A), ProductImage = Image(B), Duration = 16 }), "Duration", "Runway.InvalidDuration");
        }

        /// <summary>A remote video whose length is known (as a probed local file's would be).</summary>
        private sealed class Clip : IMediaInput
        {
            public Clip(double seconds) => DurationSeconds = seconds;
            public MediaKind? MediaKind => Models.MediaKind.Video;
            public string Display => "clip.mp4";
            public double? DurationSeconds { get; }
            public (int Width, int Height)? PixelSize => null;
            public bool IsLocal => false;
            public bool IsDataUri => false;
            public string Value => V;
            public IMediaInput AsAudioInput(string parameter) => this;
        }
    }
}
