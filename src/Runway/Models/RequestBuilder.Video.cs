using System;
using System.Collections.Generic;

namespace Runway.Models
{
    /// <summary>What New-RunwayVideo collected from its parameters; media already classified.</summary>
    public sealed class VideoSpec
    {
        /// <summary>The endpoint the cmdlet's parameter set picked (video to video, character performance, image to video or text to video).</summary>
        public string? Endpoint { get; set; }
        public string? Model { get; set; }
        public IMediaInput? Image { get; set; }
        public IMediaInput? LastFrame { get; set; }
        public IMediaInput? Video { get; set; }
        public IMediaInput? ReferenceImage { get; set; }
        public IMediaInput? Character { get; set; }
        /// <summary>What the character is, as the user declared it (-Character @{ Uri = ...; Type = 'video' }): the SDK's { type, uri }.</summary>
        public string? CharacterType { get; set; }
        public IMediaInput? Reference { get; set; }
        public string? Prompt { get; set; }
        public string? Ratio { get; set; }
        public double? Duration { get; set; }
        public long? Seed { get; set; }
        public bool? Audio { get; set; }
        public string? PublicFigureThreshold { get; set; }
        public bool? BodyControl { get; set; }
        public int? ExpressionIntensity { get; set; }
        /// <summary>Several images (reference mode), when given instead of one <see cref="Image"/>.</summary>
        public IReadOnlyList<object>? Images { get; set; }
        /// <summary>'auto' (the model chooses the length) where the model takes it.</summary>
        public bool DurationAuto { get; set; }
        /// <summary>Other parameters by name (-NegativePrompt, -Resolution, -OutputFormat, -ReferenceAudio, -Keyframe...).</summary>
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        /// <summary>-Option @{ jsonName = value }: a field only some models have.</summary>
        public Dictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Classifies a media value given in <see cref="Values"/> or <see cref="Options"/> (the cmdlet resolves paths).</summary>
        public Func<object, string, MediaKind, IMediaInput?>? MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    /// <summary>
    /// New-RunwayVideo's builder, shared by its four endpoints (Descriptors/VideoToVideoEndpoint.cs, CharacterPerformanceEndpoint.cs,
    /// ImageToVideoEndpoint.cs, TextToVideoEndpoint.cs): three build from the field tables, character performance by hand.
    /// </summary>
    public static partial class RequestBuilder
    {
        public static GenerationRequest Video(VideoSpec spec)
        {
            string endpoint = spec.Endpoint ?? throw new ArgumentException("The spec names no endpoint (the cmdlet's parameter set picks one).", nameof(spec));
            if (endpoint == Endpoints.CharacterPerformance) return CharacterPerformance(spec);
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
            input.Set("Prompt", spec.Prompt).Set("Ratio", spec.Ratio).Set("Seed", spec.Seed).Set("Audio", spec.Audio)
                .Set("PublicFigureThreshold", spec.PublicFigureThreshold).Set("LastFrame", spec.LastFrame)
                .Set("Duration", spec.DurationAuto ? "auto" : (object?)spec.Duration)
                .Set("Image", spec.Images != null && spec.Images.Count > 0 ? spec.Images : (object?)spec.Image)
                .Set("Video", spec.Video).Set("ReferenceImage", spec.ReferenceImage);
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object?> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            return Build(endpoint, spec.Model, input);
        }
    }
}
