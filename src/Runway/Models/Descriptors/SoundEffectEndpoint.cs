// sound_effect: a sound effect from a description (New-RunwaySoundEffect).
using System;
using System.Collections.Generic;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string SoundEffect = "sound_effect";
    }

    /// <summary>What New-RunwaySoundEffect collected.</summary>
    public sealed class SoundEffectSpec
    {
        public string? Model { get; set; }
        public string? Prompt { get; set; }
        public double? Duration { get; set; }
        public bool? Loop { get; set; }
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput?>? MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    /// <summary>sound_effect's row; its models (eleven_text_to_sound_v2, and seed_audio shared with speech) are the family's (<see cref="GenerationSection"/>).</summary>
    internal sealed class SoundEffectSection : EndpointSection
    {
        public SoundEffectSection() : base(108, new EndpointInfo(Endpoints.SoundEffect, "New-RunwaySoundEffect", "eleven_text_to_sound_v2")) { }
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest SoundEffect(SoundEffectSpec spec)
        {
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
            input.Set("Prompt", spec.Prompt).Set("Duration", spec.Duration).Set("Loop", spec.Loop);
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object?> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            GenerationRequest request = Build(Endpoints.SoundEffect, spec.Model, input);
            if (spec.Duration == null && !request.Model.Unvalidated) request.Details.Add("length chosen by the model");
            if (spec.Loop == true) request.Details.Add("seamless loop");
            return request;
        }
    }
}
