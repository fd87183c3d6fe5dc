// video_upscale: a video upscaled to 720p–4k (magnific_video_upscaler_creative) or converted to another frame rate (enhance_frame_rate).
using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VideoUpscale = "video_upscale";
    }

    /// <summary>Video upscaling (magnific_video_upscaler_creative) or, with a target frame rate, enhance_frame_rate.</summary>
    public sealed class VideoUpscaleSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Video { get; set; }
        public string? Resolution { get; set; }
        public string? Flavor { get; set; }
        public double? Creativity { get; set; }
        public double? Sharpen { get; set; }
        public double? SmartGrain { get; set; }
        public bool? FpsBoost { get; set; }
        public string? TargetFrameRate { get; set; }
    }

    /// <summary>The descriptor of video upscaling and frame-rate conversion (New-RunwayVideoUpscale).</summary>
    internal sealed class VideoUpscaleSection : EndpointSection
    {
        public VideoUpscaleSection() : base(210, new EndpointInfo(Endpoints.VideoUpscale, "New-RunwayVideoUpscale", "magnific_video_upscaler_creative"), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "magnific_video_upscaler_creative", Output = MediaKind.Video, Summary = "Video upscaling to 720p, 1k, 2k or 4k.",
                Endpoints = new[] { Endpoints.VideoUpscale }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
            },
            new ModelInfo
            {
                Name = RequestBuilder.FrameRateModel, Output = MediaKind.Video, Summary = "Frame-rate conversion (24 to 120 fps, NTSC rates).",
                Endpoints = new[] { Endpoints.VideoUpscale }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
            },
        };
    }

    /// <summary>Video upscaling's values (its builder and the completers read them).</summary>
    internal static partial class EnhanceCatalog
    {
        public static readonly IReadOnlyList<string> VideoFlavors = Declarations.ValuesOf(Endpoints.VideoUpscale, "flavor");
        public static readonly IReadOnlyList<string> VideoResolutions = Declarations.ValuesOf(Endpoints.VideoUpscale, "resolution");

        /// <summary>The API's targetFramerate strings (NTSC rates spelled with an underscore).</summary>
        public static readonly IReadOnlyList<string> FrameRates = Declarations.ValuesOf(Endpoints.VideoUpscale, "targetFramerate");
    }

    public static partial class RequestBuilder
    {
        public const string FrameRateModel = "enhance_frame_rate";

        public static GenerationRequest VideoUpscale(VideoUpscaleSpec spec)
        {
            string? name = spec.Model;
            if (string.IsNullOrWhiteSpace(name) && spec.TargetFrameRate != null) name = FrameRateModel;
            ModelInfo model = ResolveModel(name, Endpoints.VideoUpscale);
            var request = new GenerationRequest(Endpoints.VideoUpscale, model);
            IMediaInput video = Required(spec.Video, "Video");
            request.AddMedia(request.Body, "videoUri", video);
            request.Cost.InputSeconds = video.DurationSeconds;
            if (model.Name == FrameRateModel)
            {
                var upscaleOnly = new (string Parameter, object? Value)[]
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
            string? resolution = ApplyChoice(request, "resolution", "Resolution", spec.Resolution, EnhanceCatalog.VideoResolutions);
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

        /// <summary>The API's spelling of a frame rate: "60", "23_98"; 23.98, "29.97" and "59,94" are read too.</summary>
        public static string ResolveFrameRate(string? rate)
        {
            string wanted = (rate ?? string.Empty).Trim().Replace('.', '_').Replace(',', '_');
            if (wanted.EndsWith("fps", StringComparison.OrdinalIgnoreCase)) wanted = wanted.Substring(0, wanted.Length - 3).Trim();
            string? found = EnhanceCatalog.FrameRates.FirstOrDefault(r => r == wanted);
            if (found == null)
                throw Invalid("TargetFrameRate", "Runway.InvalidFrameRate", $"-TargetFrameRate {rate} is not possible; {FrameRateModel} makes {string.Join(", ", FrameRateChoices())} fps.", rate);
            return found;
        }

        public static IEnumerable<string> FrameRateChoices() => EnhanceCatalog.FrameRates.Select(r => r.Replace('_', '.'));
    }
}
