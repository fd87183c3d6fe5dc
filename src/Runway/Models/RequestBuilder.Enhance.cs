#nullable disable
// nullable: annotated after the Models restructuring (issue 23)
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    public sealed class ImageUpscaleSpec
    {
        public string Model { get; set; }
        public IMediaInput Image { get; set; }
        public string Flavor { get; set; }
        public int? ScaleFactor { get; set; }
        public double? Sharpen { get; set; }
        public double? SmartGrain { get; set; }
        public double? UltraDetail { get; set; }
    }

    /// <summary>Video upscaling (magnific_video_upscaler_creative) or, with a target frame rate, enhance_frame_rate.</summary>
    public sealed class VideoUpscaleSpec
    {
        public string Model { get; set; }
        public IMediaInput Video { get; set; }
        public string Resolution { get; set; }
        public string Flavor { get; set; }
        public double? Creativity { get; set; }
        public double? Sharpen { get; set; }
        public double? SmartGrain { get; set; }
        public bool? FpsBoost { get; set; }
        public string TargetFrameRate { get; set; }
    }

    public sealed class HdrSpec
    {
        public string Model { get; set; }
        public IMediaInput Video { get; set; }
        public string OutputFormat { get; set; }
        public string ProResProfile { get; set; }
    }

    public static partial class RequestBuilder
    {
        public const string FrameRateModel = "enhance_frame_rate";

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

        public static GenerationRequest VideoUpscale(VideoUpscaleSpec spec)
        {
            string name = spec.Model;
            if (string.IsNullOrWhiteSpace(name) && spec.TargetFrameRate != null) name = FrameRateModel;
            ModelInfo model = ResolveModel(name, Endpoints.VideoUpscale);
            var request = new GenerationRequest(Endpoints.VideoUpscale, model);
            IMediaInput video = Required(spec.Video, "Video");
            request.AddMedia(request.Body, "videoUri", video);
            request.Cost.InputSeconds = video.DurationSeconds;
            if (model.Name == FrameRateModel)
            {
                var upscaleOnly = new (string Parameter, object Value)[]
                {
                    ("Resolution", spec.Resolution), ("Flavor", spec.Flavor), ("Creativity", spec.Creativity),
                    ("Sharpen", spec.Sharpen), ("SmartGrain", spec.SmartGrain), ("FpsBoost", spec.FpsBoost),
                };
                foreach (var (parameter, value) in upscaleOnly.Where(p => p.Value != null))
                    throw Invalid(parameter, "Runway.ParameterNotForModel", $"{model.Name} takes only -TargetFrameRate; -{parameter} is for the upscaler (magnific_video_upscaler_creative).", value);
                if (spec.TargetFrameRate == null)
                    throw Invalid("TargetFrameRate", "Runway.MissingFrameRate", $"{model.Name} needs -TargetFrameRate: {string.Join(", ", FrameRateChoices())}.", null);
                string rate = ResolveFrameRate(spec.TargetFrameRate);
                request.Body["targetFramerate"] = rate;
                request.Details.Add($"to {rate.Replace('_', '.')} fps, from {Describe(video)}");
                return request;
            }
            if (spec.TargetFrameRate != null)
                throw Invalid("TargetFrameRate", "Runway.ParameterNotForModel", $"{model.Name} takes no -TargetFrameRate; frame-rate conversion is {FrameRateModel} (leave -Model out).", spec.TargetFrameRate);
            string resolution = ApplyChoice(request, "resolution", "Resolution", spec.Resolution, EnhanceCatalog.VideoResolutions);
            request.Details.Add($"to {resolution ?? "2k (the default)"}, from {Describe(video)}");
            ApplyChoice(request, "flavor", "Flavor", spec.Flavor, EnhanceCatalog.VideoFlavors);
            ApplyPercent(request, "creativity", "Creativity", spec.Creativity);
            ApplyPercent(request, "sharpen", "Sharpen", spec.Sharpen);
            ApplyPercent(request, "smartGrain", "SmartGrain", spec.SmartGrain);
            if (spec.FpsBoost.HasValue)
            {
                request.Body["fpsBoost"] = spec.FpsBoost.Value;
                if (spec.FpsBoost.Value) request.Details.Add("fps boost");
            }
            return request;
        }

        public static GenerationRequest Hdr(HdrSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.VideoToHdr);
            var request = new GenerationRequest(Endpoints.VideoToHdr, model);
            IMediaInput video = Required(spec.Video, "Video");
            request.AddMedia(request.Body, "videoUri", video);
            request.Cost.InputSeconds = video.DurationSeconds;
            if (video.PixelSize is (int width, int height)) request.Cost.InputPixels = (long)width * height;
            string format = ApplyChoice(request, "outputFormat", "OutputFormat", spec.OutputFormat, EnhanceCatalog.HdrFormats.Select(f => f.Key).ToArray()) ?? "hdr10";
            request.Details.Add(format + ", from " + Describe(video));
            if (spec.ProResProfile != null)
            {
                if (format != "hdr_prores")
                    throw Invalid("ProResProfile", "Runway.ProResProfileWithoutProRes", $"-ProResProfile goes with -OutputFormat hdr_prores only; {format} has no ProRes profile.", spec.ProResProfile);
                string compact = spec.ProResProfile.Replace(" ", "").Replace("_", "");
                string profile = EnhanceCatalog.ProResProfiles.FirstOrDefault(p => string.Equals(p.Replace(" ", ""), compact, StringComparison.OrdinalIgnoreCase));
                if (profile == null)
                    throw Invalid("ProResProfile", "Runway.InvalidChoice", $"Unknown -ProResProfile '{spec.ProResProfile}'; choose {string.Join(", ", EnhanceCatalog.ProResProfiles.Select(p => "'" + p + "'"))}.", spec.ProResProfile);
                request.Body["proresProfile"] = profile;
                request.Details.Add("ProRes " + profile);
            }
            return request;
        }

        /// <summary>The API's spelling of a frame rate: "60", "23_98"; 23.98, "29.97" and "59,94" are read too.</summary>
        public static string ResolveFrameRate(string rate)
        {
            string wanted = (rate ?? string.Empty).Trim().Replace('.', '_').Replace(',', '_');
            if (wanted.EndsWith("fps", StringComparison.OrdinalIgnoreCase)) wanted = wanted.Substring(0, wanted.Length - 3).Trim();
            string found = EnhanceCatalog.FrameRates.FirstOrDefault(r => r == wanted);
            if (found == null)
                throw Invalid("TargetFrameRate", "Runway.InvalidFrameRate", $"-TargetFrameRate {rate} is not possible; {FrameRateModel} makes {string.Join(", ", FrameRateChoices())} fps.", rate);
            return found;
        }

        public static IEnumerable<string> FrameRateChoices() => EnhanceCatalog.FrameRates.Select(r => r.Replace('_', '.'));

        private static IMediaInput Required(IMediaInput source, string parameter) =>
            source ?? throw Invalid(parameter, "Runway.MissingInput", $"-{parameter} is required.", null);

        /// <summary>Sends one of the allowed values as the catalog spells it (case ignored); null when not given.</summary>
        private static string ApplyChoice(GenerationRequest request, string field, string parameter, string value, IReadOnlyList<string> allowed)
        {
            if (value == null) return null;
            string found = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found == null)
                throw Invalid(parameter, "Runway.InvalidChoice", $"-{parameter} '{value}' is not possible for {request.Model.Name}; choose {string.Join(", ", allowed)}.", value);
            request.Body[field] = found;
            return found;
        }

        private static void ApplyPercent(GenerationRequest request, string field, string parameter, double? value)
        {
            if (!value.HasValue) return;
            if (double.IsNaN(value.Value) || value < 0 || value > 100)
                throw Invalid(parameter, "Runway.OutOfRange", $"-{parameter} must be 0–100; {value.Value.ToString(CultureInfo.InvariantCulture)} is out of range.", value);
            request.Body[field] = GenerationRequest.Number(value.Value);
            request.Details.Add($"{field} {DurationRule.Format(value.Value)}");
        }
    }
}
