// voice_dubbing: dub the speech of an audio or MP4 file into another language (New-RunwayDubbing).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string VoiceDubbing = "voice_dubbing";
    }

    public static partial class ModelCatalog
    {
        /// <summary>voice_dubbing's targetLang values, as declared.</summary>
        public static readonly IReadOnlyList<string> DubbingLanguages = Declarations.ValuesOf(Endpoints.VoiceDubbing, "targetLang");
    }

    /// <summary>What New-RunwayDubbing collected.</summary>
    public sealed class DubbingSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Audio { get; set; }
        public string? TargetLanguage { get; set; }
        public bool? DisableVoiceCloning { get; set; }
        public bool? DropBackgroundAudio { get; set; }
        public int? SpeakerCount { get; set; }
    }

    /// <summary>voice_dubbing's row and its one model, eleven_voice_dubbing (its request is built by hand below, not from the field tables).</summary>
    internal sealed class VoiceDubbingSection : EndpointSection
    {
        public VoiceDubbingSection() : base(109, new EndpointInfo(Endpoints.VoiceDubbing, "New-RunwayDubbing", "eleven_voice_dubbing"), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "eleven_voice_dubbing", Output = MediaKind.Audio, Summary = "Dub speech into another language.",
                Endpoints = new[] { Endpoints.VoiceDubbing }, TakesPrompt = false, Price = new PerAudioSecondsPrice(2, 60),
            },
        };
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest Dubbing(DubbingSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.VoiceDubbing);
            var request = new GenerationRequest(Endpoints.VoiceDubbing, model);
            IMediaInput audio = AudioInput(spec.Audio, "Audio");
            request.AddMedia(request.Body, "audioUri", audio);
            request.Cost.InputSeconds = audio.DurationSeconds;
            string language = ResolveLanguage(spec.TargetLanguage);
            request.Body["targetLang"] = language;
            request.Details.Add($"into {language}, from {Describe(audio)}");
            if (spec.DisableVoiceCloning.HasValue)
            {
                request.Body["disableVoiceCloning"] = spec.DisableVoiceCloning.Value;
                if (spec.DisableVoiceCloning.Value) request.Details.Add("generic voices");
            }
            if (spec.DropBackgroundAudio.HasValue)
            {
                request.Body["dropBackgroundAudio"] = spec.DropBackgroundAudio.Value;
                if (spec.DropBackgroundAudio.Value) request.Details.Add("background dropped");
            }
            if (spec.SpeakerCount.HasValue)
            {
                if (spec.SpeakerCount.Value < 1)
                    throw Invalid("SpeakerCount", "Runway.InvalidSpeakerCount", $"-SpeakerCount must be at least 1; {spec.SpeakerCount.Value} was given. Leave it out to let the model count the speakers.", spec.SpeakerCount.Value);
                request.Body["numSpeakers"] = spec.SpeakerCount.Value;
                request.Details.Add(Plural(spec.SpeakerCount.Value, "speaker"));
            }
            return request;
        }

        /// <summary>The language code as the catalog spells it; an English language name suggests its code.</summary>
        public static string ResolveLanguage(string? language)
        {
            string wanted = (language ?? string.Empty).Trim();
            string? code = ModelCatalog.DubbingLanguages.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase));
            if (code != null) return code;
            string? named = ModelCatalog.DubbingLanguages.FirstOrDefault(c => string.Equals(LanguageName(c), wanted, StringComparison.OrdinalIgnoreCase));
            throw Invalid("TargetLanguage", "Runway.UnknownLanguage",
                (named != null ? $"-TargetLanguage takes a language code: for {LanguageName(named)} use '{named}'. " : $"Unknown target language '{language}'. ") +
                $"The {ModelCatalog.DubbingLanguages.Count} codes are: {string.Join(", ", ModelCatalog.DubbingLanguages)} (Tab completes them).", language);
        }

        /// <summary>The English name of a language code ("es" → "Spanish"), or the code when the system does not know it.</summary>
        public static string LanguageName(string code)
        {
            try
            {
                string name = CultureInfo.GetCultureInfo(code).EnglishName;
                return string.IsNullOrEmpty(name) || name.StartsWith("Unknown", StringComparison.OrdinalIgnoreCase) || name.Contains("Invariant") ? code : name;
            }
            catch (CultureNotFoundException)
            {
                return code;
            }
        }
    }
}
