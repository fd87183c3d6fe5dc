// image_upscale: an image upscaled by 2, 4, 8 or 16 (magnific_precision_upscaler_v2).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ImageUpscale = "image_upscale";
    }

    public sealed class ImageUpscaleSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Image { get; set; }
        public string? Flavor { get; set; }
        public int? ScaleFactor { get; set; }
        public double? Sharpen { get; set; }
        public double? SmartGrain { get; set; }
        public double? UltraDetail { get; set; }
    }

    /// <summary>The descriptor of image upscaling (New-RunwayImageUpscale).</summary>
    internal sealed class ImageUpscaleSection : EndpointSection
    {
        public ImageUpscaleSection() : base(200, new EndpointInfo(Endpoints.ImageUpscale, "New-RunwayImageUpscale", "magnific_precision_upscaler_v2"), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "magnific_precision_upscaler_v2", Output = MediaKind.Image, Summary = "Image upscaling by 2, 4, 8 or 16.",
                Endpoints = new[] { Endpoints.ImageUpscale }, TakesPrompt = false, Price = new UnknownPrice(),
            },
        };
    }

    /// <summary>Image upscaling's values (its builder and the completers read them).</summary>
    internal static partial class EnhanceCatalog
    {
        public static readonly IReadOnlyList<string> ImageFlavors = Declarations.ValuesOf(Endpoints.ImageUpscale, "flavor");
        public static readonly IReadOnlyList<int> ScaleFactors = Declarations.ValuesOf(Endpoints.ImageUpscale, "scaleFactor").Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        public const int MinImageSide = 300;
        public const int MaxImageSide = 8000;
        public const long MaxUpscaledPixels = 25_300_000;
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ImageUpscale(ImageUpscaleSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.ImageUpscale);
            var request = new GenerationRequest(Endpoints.ImageUpscale, model);
            IMediaInput image = Required(spec.Image, "Image");
            int factor = spec.ScaleFactor ?? EnhanceCatalog.ScaleFactors[0];
            if (!EnhanceCatalog.ScaleFactors.Contains(factor))
                throw Invalid("ScaleFactor", "Runway.InvalidScaleFactor", $"-ScaleFactor {factor} is not possible; {model.Name} scales by {string.Join(", ", EnhanceCatalog.ScaleFactors)}.", factor);
            if (image.PixelSize is (int width, int height))
            {
                int side = Math.Min(width, height), longest = Math.Max(width, height);
                if (side < EnhanceCatalog.MinImageSide || longest > EnhanceCatalog.MaxImageSide)
                    throw Invalid("Image", "Runway.InvalidImageSize",
                        $"'{image.Display}' is {width}×{height}; {model.Name} takes images whose sides are {EnhanceCatalog.MinImageSide}–{EnhanceCatalog.MaxImageSide} px.", image.Value);
                long pixels = (long)width * factor * height * factor;
                if (pixels > EnhanceCatalog.MaxUpscaledPixels)
                {
                    int[] fits = EnhanceCatalog.ScaleFactors.Where(f => (long)width * f * height * f <= EnhanceCatalog.MaxUpscaledPixels).ToArray();
                    throw Invalid("ScaleFactor", "Runway.UpscaleTooLarge",
                        $"{width}×{height} × {factor} would be {width * factor}×{height * factor} ({pixels:N0} px); the output may have at most {EnhanceCatalog.MaxUpscaledPixels:N0} px. " +
                        (fits.Length > 0 ? $"-ScaleFactor {string.Join(" or ", fits)} fits." : "No scale factor fits this image."), factor);
                }
                request.Details.Add($"to {width * factor}×{height * factor}");
            }
            request.AddMedia(request.Body, "imageUri", image);
            request.Details.Insert(0, $"×{factor}, from {image.Display}");
            if (spec.ScaleFactor.HasValue) request.Body["scaleFactor"] = factor;
            ApplyChoice(request, "flavor", "Flavor", spec.Flavor, EnhanceCatalog.ImageFlavors);
            ApplyPercent(request, "sharpen", "Sharpen", spec.Sharpen);
            ApplyPercent(request, "smartGrain", "SmartGrain", spec.SmartGrain);
            ApplyPercent(request, "ultraDetail", "UltraDetail", spec.UltraDetail);
            return request;
        }
    }
}
