// text_to_image: images from a text prompt and optional tagged reference images (New-RunwayImage).
using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string TextToImage = "text_to_image";
    }

    /// <summary>One -ReferenceImage: the image, its @tag and, for the Gemini image models, its subject.</summary>
    public sealed class ReferenceImageSpec
    {
        public IMediaInput? Source { get; set; }
        public string? Tag { get; set; }
        /// <summary>object or human (Gemini image models).</summary>
        public string? Subject { get; set; }
    }

    /// <summary>What New-RunwayImage collected.</summary>
    public sealed class ImageSpec
    {
        public string? Model { get; set; }
        public string? Prompt { get; set; }
        public string? Ratio { get; set; }
        public long? Seed { get; set; }
        public string? PublicFigureThreshold { get; set; }
        public IReadOnlyList<ReferenceImageSpec> References { get; set; } = Array.Empty<ReferenceImageSpec>();
        /// <summary>Other parameters by name (-OutputCount, -Quality, -Background, -OutputFormat).</summary>
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput?>? MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    /// <summary>text_to_image's row; its models are the family's (<see cref="GenerationSection"/>).</summary>
    internal sealed class TextToImageSection : EndpointSection
    {
        public TextToImageSection() : base(105, new EndpointInfo(Endpoints.TextToImage, "New-RunwayImage", "gen4_image")) { }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest Image(ImageSpec spec)
        {
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
            input.Set("Prompt", spec.Prompt).Set("Ratio", spec.Ratio).Set("Seed", spec.Seed).Set("PublicFigureThreshold", spec.PublicFigureThreshold);
            IReadOnlyList<ReferenceImageSpec> references = spec.References ?? Array.Empty<ReferenceImageSpec>();
            if (references.Count > 0)
                input.Set("ReferenceImage", references.Select(r => (object)new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Uri"] = r.Source, ["Tag"] = r.Tag, ["Subject"] = r.Subject,
                }).ToList());
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object?> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            return Build(Endpoints.TextToImage, spec.Model, input);
        }
    }
}
