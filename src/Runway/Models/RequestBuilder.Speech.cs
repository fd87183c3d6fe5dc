using System;
using System.Collections.Generic;
using System.Linq;
using Runway.Api;

namespace Runway.Models
{
    public static partial class ModelCatalog
    {
        /// <summary>Runway's preset voices, the only voices text to speech and speech to speech take.</summary>
        public static readonly IReadOnlyList<string> VoicePresets = new[]
        {
            "Maya", "Arjun", "Serene", "Bernard", "Billy", "Mark", "Clint", "Mabel", "Chad", "Leslie",
            "Eleanor", "Elias", "Elliot", "Grungle", "Brodie", "Sandra", "Kirk", "Kylie", "Lara", "Lisa",
            "Malachi", "Marlene", "Martin", "Miriam", "Monster", "Paula", "Pip", "Rusty", "Ragnar",
            "Xylar", "Maggie", "Jack", "Katie", "Noah", "James", "Rina", "Ella", "Mariah", "Frank",
            "Claudia", "Niki", "Vincent", "Kendrick", "Myrna", "Tom", "Wanda", "Benjamin", "Kiana", "Rachel",
        };
    }

    /// <summary>What New-RunwaySpeech collected: text to speech when <see cref="Media"/> is null, else speech to speech.</summary>
    public sealed class SpeechSpec
    {
        public string? Model { get; set; }
        public string? Text { get; set; }
        public string? Voice { get; set; }
        public IMediaInput? Media { get; set; }
        /// <summary>What the media is when its content cannot tell (a URL): the parameter it came through (-Audio or -Video).</summary>
        public MediaKind DeclaredKind { get; set; } = MediaKind.Audio;
        public bool? RemoveBackgroundNoise { get; set; }
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput?>? MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    /// <summary>New-RunwaySpeech's builder, shared by its two endpoints (Descriptors/SpeechToSpeechEndpoint.cs, TextToSpeechEndpoint.cs), and the preset voices.</summary>
    public static partial class RequestBuilder
    {
        public static GenerationRequest Speech(SpeechSpec spec)
        {
            string endpoint = spec.Media == null ? Endpoints.TextToSpeech : Endpoints.SpeechToSpeech;
            if (spec.Media != null && spec.Text != null)
                throw Invalid("Text", "Runway.TextWithMedia", "Give -Text (text to speech) or an audio or video input (speech to speech), not both.", spec.Text);
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel, DeclaredMediaKind = spec.DeclaredKind };
            // The media goes in under the parameter it came through (-Audio or -Video), the names the catalog gives it.
            input.Set("Text", spec.Text).Set("Voice", spec.Voice).Set("RemoveBackgroundNoise", spec.RemoveBackgroundNoise)
                .Set(spec.DeclaredKind == MediaKind.Video ? "Video" : "Audio", spec.Media);
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object?> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            GenerationRequest request = Build(endpoint, spec.Model, input);
            if (spec.Text != null) request.Details.Add(Plural(spec.Text.Length, "character"));
            if (spec.RemoveBackgroundNoise == true) request.Details.Add("background noise removed");
            return request;
        }

        /// <summary>The preset as the catalog spells it, matched without regard to case.</summary>
        public static string ResolveVoice(string? voice)
        {
            string wanted = (voice ?? string.Empty).Trim();
            if (wanted.Length == 0)
                throw Invalid("Voice", "Runway.MissingVoice", "-Voice is empty; choose one of the presets: " + string.Join(", ", ModelCatalog.VoicePresets) + ".", voice);
            string? preset = ModelCatalog.VoicePresets.FirstOrDefault(p => string.Equals(p, wanted, StringComparison.OrdinalIgnoreCase));
            if (preset == null && IsCustomVoice(wanted))
                throw Invalid("Voice", "Runway.CustomVoiceNotAccepted",
                    $"'{voice}' is a custom voice id; text to speech and speech to speech take only Runway preset voices (the API accepts no custom voice there). " +
                    $"Custom voices work with New-RunwayAvatar and New-RunwayAvatarVideo. The presets are: {string.Join(", ", ModelCatalog.VoicePresets)}.", voice);
            if (preset == null)
                throw Invalid("Voice", "Runway.UnknownVoice",
                    $"Unknown voice '{voice}'. The {ModelCatalog.VoicePresets.Count} Runway presets are: {string.Join(", ", ModelCatalog.VoicePresets)} (Tab completes them).", voice);
            return preset;
        }

        /// <summary>A custom voice's id: one this session has seen, or shaped like the API's ids (a GUID).</summary>
        private static bool IsCustomVoice(string value) => Guid.TryParse(value, out _) || Seen.Voices.Find(value) != null;
    }
}
