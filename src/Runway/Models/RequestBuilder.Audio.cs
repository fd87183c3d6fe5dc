#nullable disable
// nullable: annotated after the Models restructuring (issue 23)
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using System.Text.Json.Nodes;


using Runway.Api;

namespace Runway.Models
{
    /// <summary>What New-RunwaySpeech collected: text to speech when <see cref="Media"/> is null, else speech to speech.</summary>
    public sealed class SpeechSpec
    {
        public string Model { get; set; }
        public string Text { get; set; }
        public string Voice { get; set; }
        public IMediaInput Media { get; set; }
        /// <summary>What the media is when its content cannot tell (a URL): the parameter it came through (-Audio or -Video).</summary>
        public MediaKind DeclaredKind { get; set; } = MediaKind.Audio;
        public bool? RemoveBackgroundNoise { get; set; }
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object> Options { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput> MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    public sealed class SoundEffectSpec
    {
        public string Model { get; set; }
        public string Prompt { get; set; }
        public double? Duration { get; set; }
        public bool? Loop { get; set; }
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object> Options { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput> MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    public sealed class DubbingSpec
    {
        public string Model { get; set; }
        public IMediaInput Audio { get; set; }
        public string TargetLanguage { get; set; }
        public bool? DisableVoiceCloning { get; set; }
        public bool? DropBackgroundAudio { get; set; }
        public int? SpeakerCount { get; set; }
    }

    public sealed class VoiceIsolationSpec
    {
        public string Model { get; set; }
        public IMediaInput Audio { get; set; }
    }

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
            foreach (KeyValuePair<string, object> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            GenerationRequest request = Build(endpoint, spec.Model, input);
            if (spec.Text != null) request.Details.Add(Plural(spec.Text.Length, "character"));
            if (spec.RemoveBackgroundNoise == true) request.Details.Add("background noise removed");
            return request;
        }

        public static GenerationRequest SoundEffect(SoundEffectSpec spec)
        {
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
            input.Set("Prompt", spec.Prompt).Set("Duration", spec.Duration).Set("Loop", spec.Loop);
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            GenerationRequest request = Build(Endpoints.SoundEffect, spec.Model, input);
            if (spec.Duration == null && !request.Model.Unvalidated) request.Details.Add("length chosen by the model");
            if (spec.Loop == true) request.Details.Add("seamless loop");
            return request;
        }

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

        public static GenerationRequest VoiceIsolation(VoiceIsolationSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.VoiceIsolation);
            var request = new GenerationRequest(Endpoints.VoiceIsolation, model);
            IMediaInput audio = AudioInput(spec.Audio, "Audio");
            double? length = audio.DurationSeconds;
            if (length.HasValue && model.InputDuration != null && !model.InputDuration.Accepts(length.Value))
                throw Invalid("Audio", "Runway.InvalidDuration",
                    $"-Audio '{audio.Display}' lasts {DurationRule.Format(Math.Round(length.Value, 2))} s; {model.Name} needs {model.InputDuration.Describe()} of audio.", audio.Value);
            request.AddMedia(request.Body, "audioUri", audio);
            request.Cost.InputSeconds = length;
            request.Details.Add("from " + Describe(audio));
            return request;
        }

        /// <summary>The preset as the catalog spells it, matched without regard to case.</summary>
        public static string ResolveVoice(string voice)
        {
            string wanted = (voice ?? string.Empty).Trim();
            if (wanted.Length == 0)
                throw Invalid("Voice", "Runway.MissingVoice", "-Voice is empty; choose one of the presets: " + string.Join(", ", ModelCatalog.VoicePresets) + ".", voice);
            string preset = ModelCatalog.VoicePresets.FirstOrDefault(p => string.Equals(p, wanted, StringComparison.OrdinalIgnoreCase));
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

        /// <summary>The language code as the catalog spells it; an English language name suggests its code.</summary>
        public static string ResolveLanguage(string language)
        {
            string wanted = (language ?? string.Empty).Trim();
            string code = ModelCatalog.DubbingLanguages.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase));
            if (code != null) return code;
            string named = ModelCatalog.DubbingLanguages.FirstOrDefault(c => string.Equals(LanguageName(c), wanted, StringComparison.OrdinalIgnoreCase));
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

        /// <summary>
        /// An input for an audioUri field: audio, or an MP4 video (sent as the audio/mp4 it also is). Videos in other
        /// containers are refused here, since the API would refuse them as audio.
        /// </summary>
        private static IMediaInput AudioInput(IMediaInput source, string parameter)
        {
            if (source == null)
                throw Invalid(parameter, "Runway.MissingInput", $"-{parameter} is required.", null);
            return source.AsAudioInput(parameter);
        }

        private static string Describe(IMediaInput source) =>
            source.DurationSeconds.HasValue ? $"{source.Display} ({DurationRule.Format(Math.Round(source.DurationSeconds.Value, 1))} s)" : source.Display;

        private static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
    }
}
