// video_to_hdr: an SDR video turned into HDR10, HLG, ProRes or OpenEXR frames (ruby), priced per second of output.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VideoToHdr = "video_to_hdr";
    }

    public sealed class HdrSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Video { get; set; }
        public string? OutputFormat { get; set; }
        public string? ProResProfile { get; set; }
    }

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

    /// <summary>The descriptor of video to HDR (New-RunwayHdrVideo).</summary>
    internal sealed class VideoToHdrSection : EndpointSection
    {
        public VideoToHdrSection() : base(220, new EndpointInfo(Endpoints.VideoToHdr, "New-RunwayHdrVideo", "ruby"), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "ruby", Output = MediaKind.Video, Summary = "SDR video to HDR (HDR10, HLG, ProRes or EXR frames).",
                Endpoints = new[] { Endpoints.VideoToHdr }, TakesPrompt = false, DurationFromInput = true, Price = new HdrPrice(),
            },
        };
    }

    /// <summary>Video to HDR's values (its builder and the completers read them).</summary>
    internal static partial class EnhanceCatalog
    {
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

    public static partial class RequestBuilder
    {
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
                string? profile = EnhanceCatalog.ProResProfiles.FirstOrDefault(p => string.Equals(p.Replace(" ", ""), compact, StringComparison.OrdinalIgnoreCase));
                if (profile == null)
                    throw Invalid("ProResProfile", "Runway.InvalidChoice", $"Unknown -ProResProfile '{spec.ProResProfile}'; choose {string.Join(", ", EnhanceCatalog.ProResProfiles.Select(p => "'" + p + "'"))}.", spec.ProResProfile);
                request.Body["proresProfile"] = profile;
                request.Details.Add("ProRes " + profile);
            }
            return request;
        }
    }
}
