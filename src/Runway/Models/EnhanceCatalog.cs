using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// Ruby (video to HDR), priced by the SDK's own comment: 20 credits per second of output (as long as the
    /// input), 40 per second when the source is larger than 4 megapixels. When the source's size cannot be read the
    /// estimate takes the higher rate (the most it can cost) and says "about"; when its length cannot be read
    /// nothing is estimated.
    /// </summary>
    public sealed class HdrPrice : PriceRule
    {
        public const decimal Credits = 20;
        public const decimal LargeCredits = 40;
        public const long LargePixels = 4_000_000;

        public override decimal Estimate(ModelInfo model, CostQuery query)
        {
            if (!query.InputSeconds.HasValue) return 0;
            decimal rate = query.InputPixels.HasValue && query.InputPixels.Value <= LargePixels ? Credits : LargeCredits;
            return rate * (decimal)Math.Ceiling(Math.Round(query.InputSeconds.Value, 6));
        }

        public override bool IsApproximate(ModelInfo model, CostQuery query) => !query.InputPixels.HasValue;
        public override bool Knows(CostQuery query) => query.InputSeconds.HasValue;
        public override string Describe() => $"{Credits} credits per second of output, {LargeCredits} when the source is over 4 MP";
    }

    public static partial class Endpoints
    {
        public const string ImageUpscale = "image_upscale";
        public const string VideoUpscale = "video_upscale";
        public const string VideoToHdr = "video_to_hdr";
    }

    /// <summary>The descriptor of upscaling, frame rate and HDR (builders: RequestBuilder.Enhance.cs).</summary>
    internal sealed class EnhanceSection : CatalogSection
    {
        public override int Order => 200;
        public override IEnumerable<EndpointInfo> EndpointRows => EnhanceCatalog.EndpointRows;
        public override IEnumerable<ModelInfo> Models => EnhanceCatalog.Models;
    }

    /// <summary>The catalog's section for upscaling, frame rate and HDR: endpoints, models, their rules and prices.</summary>
    internal static class EnhanceCatalog
    {
        public static readonly EndpointInfo[] EndpointRows =
        {
            new EndpointInfo(Endpoints.ImageUpscale, "New-RunwayImageUpscale", "magnific_precision_upscaler_v2"),
            new EndpointInfo(Endpoints.VideoUpscale, "New-RunwayVideoUpscale", "magnific_video_upscaler_creative"),
            new EndpointInfo(Endpoints.VideoToHdr, "New-RunwayHdrVideo", "ruby"),
        };

        public static readonly ModelInfo[] Models =
        {
            new ModelInfo
            {
                Name = "magnific_precision_upscaler_v2", Output = MediaKind.Image, Summary = "Image upscaling by 2, 4, 8 or 16.",
                Endpoints = new[] { Endpoints.ImageUpscale }, TakesPrompt = false, Price = new UnknownPrice(),
            },
            new ModelInfo
            {
                Name = "magnific_video_upscaler_creative", Output = MediaKind.Video, Summary = "Video upscaling to 720p, 1k, 2k or 4k.",
                Endpoints = new[] { Endpoints.VideoUpscale }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
            },
            new ModelInfo
            {
                Name = "enhance_frame_rate", Output = MediaKind.Video, Summary = "Frame-rate conversion (24 to 120 fps, NTSC rates).",
                Endpoints = new[] { Endpoints.VideoUpscale }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
            },
            new ModelInfo
            {
                Name = "ruby", Output = MediaKind.Video, Summary = "SDR video to HDR (HDR10, HLG, ProRes or EXR frames).",
                Endpoints = new[] { Endpoints.VideoToHdr }, TakesPrompt = false, DurationFromInput = true, Price = new HdrPrice(),
            },
        };

        public static readonly IReadOnlyList<string> ImageFlavors = Declarations.ValuesOf(Endpoints.ImageUpscale, "flavor");
        public static readonly IReadOnlyList<int> ScaleFactors = Declarations.ValuesOf(Endpoints.ImageUpscale, "scaleFactor").Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        public const int MinImageSide = 300;
        public const int MaxImageSide = 8000;
        public const long MaxUpscaledPixels = 25_300_000;

        public static readonly IReadOnlyList<string> VideoFlavors = Declarations.ValuesOf(Endpoints.VideoUpscale, "flavor");
        public static readonly IReadOnlyList<string> VideoResolutions = Declarations.ValuesOf(Endpoints.VideoUpscale, "resolution");

        /// <summary>The API's targetFramerate strings (NTSC rates spelled with an underscore).</summary>
        public static readonly IReadOnlyList<string> FrameRates = Declarations.ValuesOf(Endpoints.VideoUpscale, "targetFramerate");

        /// <summary>outputFormat values and what the saved file is.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> HdrFormats = new[]
        {
            new KeyValuePair<string, string>("hdr10", "HEVC Main10 PQ in an .mp4 (the default)"),
            new KeyValuePair<string, string>("hlg", "HLG in an .mp4"),
            new KeyValuePair<string, string>("hdr_prores", "Apple ProRes in a .mov (see -ProResProfile)"),
            new KeyValuePair<string, string>("hdr_exr_sequence", "a .zip of OpenEXR frames with colorimetry.json and provenance.json (and audio.wav when the source has sound)"),
            new KeyValuePair<string, string>("hdr_exr_acescg_sequence_1_3", "a .zip of ACEScg OpenEXR frames named frame.0001.exr…"),
            new KeyValuePair<string, string>("hdr_exr_acescg_sequence_2_0", "a .zip of ACEScg OpenEXR frames (the SDK does not describe this variant)"),
        };

        public static readonly IReadOnlyList<string> ProResProfiles = new[] { "422 HQ", "422", "4444" };
    }
}
