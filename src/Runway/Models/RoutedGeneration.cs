using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>
    /// Routed generation (POST /v1/generate/{video,image,audio}): a Model Router picks the model from a
    /// model-agnostic input. Every value and rule the SDK 4.20.1 declarations state for that input, in one place.
    /// </summary>
    public static class RoutedInput
    {
        public const string Video = "generate/video";
        public const string Image = "generate/image";
        public const string Audio = "generate/audio";

        /// <summary>Every routed media field takes a data URI "up to 5MB" (the declarations' words).</summary>
        public const long DataUriMaxLength = 5 * 1000 * 1000;

        public static readonly string[] VideoAspectRatios = { "16:9", "9:16", "1:1", "4:3", "3:4", "21:9" };
        public static readonly string[] ImageAspectRatios = VideoAspectRatios.Concat(new[] { "2:3", "3:2", "4:5", "5:4" }).ToArray();
        public static readonly string[] VideoResolutions = { "480p", "720p", "1080p", "4k" };
        public static readonly string[] ImageResolutions = { "1k", "2k", "4k" };
        public static readonly string[] AudioTypes = { "speech", "audio" };
        public static readonly string[] ImageRoles = { "first", "last", "reference" };
        public static readonly string[] VideoRoles = { "source", "reference" };
        public static readonly string[] PublicFigureThresholds = { "auto", "low" };
        public const int MinOutputCount = 1;
        public const int MaxOutputCount = 10;
        /// <summary>promptText names reference audios as @Audio1, @Audio2 and @Audio3: three at most.</summary>
        public const int MaxReferenceAudios = 3;

        /// <summary>video, image or audio: the key of the router's maxCreditsPerGeneration for an endpoint.</summary>
        public static string KindOf(string endpoint) => endpoint.Substring(endpoint.IndexOf('/') + 1);

        /// <summary>What the concurrency gate counts a routed create under before the router has picked a model.</summary>
        public static string GateKey(string router) => "router:" + router;
    }

    /// <summary>A media input of a routed generation, with its role where the input has roles (first/last/reference, source/reference).</summary>
    public sealed class RoutedMedia
    {
        public RoutedMedia(IMediaInput? source, string? role, string parameter)
        {
            Source = source;
            Role = role;
            Parameter = parameter;
        }

        public IMediaInput? Source { get; }
        public string? Role { get; }
        /// <summary>The cmdlet parameter it came through, for errors.</summary>
        public string Parameter { get; }
    }

    /// <summary>A timed guidance image for video restyle: at <see cref="Seconds"/> or <see cref="At"/> (one of them), optionally over a range.</summary>
    public sealed class RoutedKeyframe
    {
        public double? Seconds { get; set; }
        public double? At { get; set; }
        public IMediaInput? Image { get; set; }
        public double? RangeStart { get; set; }
        public double? RangeEnd { get; set; }
    }

    public sealed class RoutedVideoSpec
    {
        public string? Router { get; set; }
        public string? Prompt { get; set; }
        public string? NegativePrompt { get; set; }
        public string? AspectRatio { get; set; }
        public string? Resolution { get; set; }
        public double? Duration { get; set; }
        public bool? Audio { get; set; }
        public long? Seed { get; set; }
        public string? PublicFigureThreshold { get; set; }
        public List<RoutedMedia> Images { get; } = new List<RoutedMedia>();
        public List<RoutedMedia> Videos { get; } = new List<RoutedMedia>();
        public List<IMediaInput?> Audios { get; } = new List<IMediaInput?>();
        public List<RoutedKeyframe> Keyframes { get; } = new List<RoutedKeyframe>();
    }

    public sealed class RoutedImageSpec
    {
        public string? Router { get; set; }
        public string? Prompt { get; set; }
        public string? AspectRatio { get; set; }
        public string? Resolution { get; set; }
        public int? OutputCount { get; set; }
        public long? Seed { get; set; }
        public string? PublicFigureThreshold { get; set; }
        public List<IMediaInput?> References { get; } = new List<IMediaInput?>();
    }

    public sealed class RoutedAudioSpec
    {
        public string? Router { get; set; }
        public string? Prompt { get; set; }
        /// <summary>speech (say the prompt) or audio (the prompt describes the sound).</summary>
        public string? Type { get; set; }
        /// <summary>A Runway preset voice (speech).</summary>
        public string? Voice { get; set; }
        /// <summary>A clip whose voice is cloned (speech).</summary>
        public IMediaInput? VoiceSample { get; set; }
        public double? Duration { get; set; }
        public bool? Loop { get; set; }
        public List<IMediaInput?> References { get; } = new List<IMediaInput?>();
    }

    /// <summary>
    /// The price of a routed generation before the create: unknown (the router picks the model), unless the
    /// router caps the credits per generation of that kind, which is then the most it can cost.
    /// </summary>
    public sealed class RouterCeilingPrice : PriceRule
    {
        /// <summary>The router's maxCreditsPerGeneration for the request's kind, when known.</summary>
        public decimal? Ceiling { get; set; }
        /// <summary>The id of the router whose ceiling this is, when the router was read (the routing on the task keeps it).</summary>
        public string? RouterId { get; set; }
        /// <summary>Generations one task makes (images: outputCount); the ceiling counts for each.</summary>
        public int Generations { get; set; } = 1;

        public override decimal Estimate(ModelInfo model, CostQuery query) => (Ceiling ?? 0) * Generations;
        public override bool Knows(CostQuery query) => Ceiling.HasValue;
        public override bool IsApproximate(ModelInfo model, CostQuery query) => true;

        public override string Describe() => Ceiling.HasValue
            ? $"at most {Ceiling.Value.ToString(CultureInfo.InvariantCulture)} credits per generation (the router's ceiling)"
            : "price unknown (the router picks the model)";
    }
}
