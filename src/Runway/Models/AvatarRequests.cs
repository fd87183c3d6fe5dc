using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>
    /// Parameters → bodies for voices, documents, avatars and realtime sessions (free creates, not tasks), checking what
    /// the SDK and Runway's docs state (and nothing they do not: limits they are silent on are left to the API). Avatar
    /// videos, a task endpoint, have their builder in Descriptors/AvatarVideosEndpoint.cs and use the avatar and voice
    /// references below.
    /// </summary>
    public static class AvatarRequests
    {
        public static ResourceRequest Voice(VoiceSpec spec)
        {
            string name = VoiceName(spec.Name, "Name");
            var from = new JsonObject();
            var request = new ResourceRequest($"voice '{name}'");
            request.Body["name"] = name;
            if (spec.Description != null) request.Body["description"] = spec.Description.Length == 0 ? null : spec.Description;
            request.Body["from"] = from;
            if (spec.Audio != null)
            {
                if (spec.Prompt != null)
                    throw Invalid("Prompt", "Runway.PromptWithAudio", "Give -Prompt (design a voice from a description) or -Audio (clone a voice from a sample), not both.", spec.Prompt);
                IMediaInput audio = spec.Audio.AsAudioInput("Audio");
                if (audio.MediaKind != MediaKind.Audio && audio.MediaKind != null)
                    throw Invalid("Audio", "Runway.WrongMediaKind", $"-Audio '{audio.Display}' is not audio; a voice is cloned from an audio sample.", audio.Value);
                CheckDataUri(audio, "Audio");
                if (audio.DurationSeconds is double seconds && (seconds < AvatarFacts.CloneSampleMinSeconds || seconds > AvatarFacts.CloneSampleMaxSeconds))
                    throw Invalid("Audio", "Runway.InvalidDuration",
                        $"-Audio '{audio.Display}' lasts {seconds:0.#} s; Runway clones a voice from a sample of {AvatarFacts.CloneSampleMinSeconds:0} seconds to {AvatarFacts.CloneSampleMaxSeconds / 60:0} minutes.", audio.Value);
                from["type"] = "audio";
                request.AddMedia(from, "from", "audio", audio);
                request.Summary = $"voice '{name}' cloned from {audio.Display}";
            }
            else
            {
                string model = VoiceModel(spec.Model);
                string prompt = VoicePrompt(spec.Prompt);
                from["type"] = "text";
                from["model"] = model;
                from["prompt"] = prompt;
                request.Summary = $"voice '{name}' designed by {model} from \"{Shorten(prompt)}\"";
            }
            return request;
        }

        public static ResourceRequest VoiceUpdate(string id, UpdateSpec spec)
        {
            var request = new ResourceRequest($"voice {id}");
            if (spec.Name != null) request.Body["name"] = VoiceName(spec.Name, "Name");
            if (spec.Description != null) request.Body["description"] = spec.Description.Length == 0 ? null : spec.Description;
            RequireChange(request, "-Name or -Description (an empty -Description clears it)");
            request.Summary += ": " + Changes(request);
            return request;
        }

        /// <summary>The voice design model (default eleven_ttv_v3), spelled as the API spells it.</summary>
        public static string VoiceModel(string? model)
        {
            if (Api.Strings.IsBlank(model)) return AvatarFacts.DefaultVoiceDesignModel;
            string? found = AvatarFacts.VoiceDesignModels.FirstOrDefault(m => string.Equals(m, model.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found == null)
                throw Invalid("Model", "Runway.UnknownModel", $"'{model}' is not a voice design model; use {string.Join(" or ", AvatarFacts.VoiceDesignModels)} (Tab completes them).", model);
            return found;
        }

        public static string VoicePrompt(string? prompt)
        {
            string text = prompt ?? string.Empty;
            if (text.Trim().Length < AvatarFacts.VoicePromptMinLength)
                throw Invalid("Prompt", "Runway.PromptTooShort",
                    $"-Prompt has {text.Trim().Length} characters; a voice description needs at least {AvatarFacts.VoicePromptMinLength} (for example 'A warm, low narrator voice with a slight British accent').", prompt);
            return text;
        }

        public static ResourceRequest Document(string? name, string? content, string? source)
        {
            var request = new ResourceRequest($"document '{Required(name, "Name")}'" + (source != null ? $" from {source}" : string.Empty));
            request.Body["name"] = name;
            if (Api.Strings.IsBlank(content))
                throw Invalid(source != null ? "Path" : "Content", "Runway.EmptyContent", source != null ? $"'{source}' is empty; a document needs content." : "-Content is empty; a document needs text or Markdown.", source ?? content);
            request.Body["content"] = content;
            request.Summary += $" ({content.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)";
            return request;
        }

        public static ResourceRequest DocumentUpdate(string id, UpdateSpec spec)
        {
            var request = new ResourceRequest($"document {id}");
            if (spec.Name != null) request.Body["name"] = Required(spec.Name, "Name");
            if (spec.Content != null)
            {
                if (string.IsNullOrWhiteSpace(spec.Content))
                    throw Invalid("Content", "Runway.EmptyContent", "The new content is empty; a document needs text or Markdown (Remove-RunwayDocument deletes one).", spec.Content);
                request.Body["content"] = spec.Content;
            }
            RequireChange(request, "-Name, -Content or -Path");
            request.Summary += ": " + Changes(request);
            return request;
        }

        /// <summary>
        /// A rough token count (one token per 4 characters, a common rule of thumb: Runway's tokenizer is not
        /// public), used only to warn about the documented 50,000-token knowledge limit, never to refuse.
        /// </summary>
        public static int EstimateTokens(string? content) => content == null ? 0 : (content.Length + 3) / 4;

        /// <summary>A warning when knowledge likely passes the documented per-avatar limit; null otherwise.</summary>
        public static string? KnowledgeWarning(string what, long characters)
        {
            long tokens = (characters + 3) / 4;
            if (tokens <= AvatarFacts.KnowledgeTokenLimit) return null;
            return $"{what} is about {tokens:N0} tokens ({characters:N0} characters at roughly 4 per token; Runway's tokenizer is not public). " +
                $"Runway documents a limit of {AvatarFacts.KnowledgeTokenLimit:N0} tokens of knowledge per avatar, so the API will probably refuse to give an avatar this much.";
        }

        public static ResourceRequest Avatar(AvatarSpec spec)
        {
            string name = Required(spec.Name, "Name");
            var request = new ResourceRequest($"avatar '{name}'");
            request.Body["name"] = name;
            request.Body["personality"] = Required(spec.Personality, "Personality");
            if (spec.ReferenceImage == null)
                throw Invalid("ReferenceImage", "Runway.MissingInput", "-ReferenceImage is required: the avatar's face (a path, FileInfo, https URL, runway:// or data: URI).", null);
            AddReferenceImage(request, spec.ReferenceImage);
            request.Body["voice"] = AvatarVoice(spec.Voice ?? throw Invalid("Voice", "Runway.MissingVoice", "-Voice is required.", null));
            ApplyAvatarOptions(request, spec, update: false);
            request.Summary += $", voice {spec.Voice.Trim()}, face {spec.ReferenceImage.Display}";
            return request;
        }

        public static ResourceRequest AvatarUpdate(string id, AvatarSpec spec)
        {
            var request = new ResourceRequest($"avatar {id}");
            if (spec.Name != null) request.Body["name"] = Required(spec.Name, "Name");
            if (spec.Personality != null) request.Body["personality"] = Required(spec.Personality, "Personality");
            if (spec.ReferenceImage != null) AddReferenceImage(request, spec.ReferenceImage);
            if (spec.Voice != null) request.Body["voice"] = AvatarVoice(spec.Voice);
            ApplyAvatarOptions(request, spec, update: true);
            RequireChange(request, "-Name, -Personality, -ReferenceImage, -Voice, -DocumentId, -ImageProcessing or -StartScript");
            request.Summary += ": " + Changes(request);
            return request;
        }

        /// <summary>An avatar's voice: one of the 30 live presets, else a custom voice id (Get-RunwayVoice).</summary>
        public static JsonObject AvatarVoice(string? voice, string presetType = "runway-live-preset")
        {
            string? value = (voice ?? string.Empty).Trim();
            if (value.Length == 0)
                throw Invalid("Voice", "Runway.MissingVoice", $"-Voice is empty: give a live preset ({string.Join(", ", AvatarFacts.LiveVoicePresets)}) or a custom voice id (Get-RunwayVoice).", voice);
            string? preset = AvatarFacts.FindLivePreset(value);
            // A custom voice this session has seen may be named instead of given by id (the newest of that name).
            Api.RunwayVoice? named = Api.Seen.Voices.All.Where(v => string.Equals(v.Name, value, StringComparison.OrdinalIgnoreCase) && v.Status != Api.RunwayVoice.Failed)
                .OrderByDescending(v => v.CreatedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
            if (preset == null && named != null) value = named.Id;
            if (preset == null) RunwayInputException.CheckId(value, "Voice", "voice");
            return preset != null
                ? new JsonObject { ["type"] = presetType, ["presetId"] = preset }
                : new JsonObject { ["type"] = "custom", ["id"] = value };
        }

        /// <summary>An avatar for a video or session: one of the 9 preset avatars, else a custom avatar id (Get-RunwayAvatar).</summary>
        public static JsonObject AvatarReference(string? avatar)
        {
            string value = (avatar ?? string.Empty).Trim();
            if (value.Length == 0)
                throw Invalid("Avatar", "Runway.MissingAvatar", $"-Avatar is empty: give a preset avatar ({string.Join(", ", AvatarFacts.AvatarPresets)}) or a custom avatar id (Get-RunwayAvatar).", avatar);
            string? preset = AvatarFacts.FindAvatarPreset(value);
            if (preset == null) RunwayInputException.CheckId(value, "Avatar", "avatar");
            return preset != null
                ? new JsonObject { ["type"] = "runway-preset", ["presetId"] = preset }
                : new JsonObject { ["type"] = "custom", ["avatarId"] = value };
        }

        public static ResourceRequest RealtimeSession(RealtimeSessionSpec spec)
        {
            JsonObject avatar = AvatarReference(spec.Avatar);
            var request = new ResourceRequest($"realtime session with avatar {avatar["presetId"] ?? avatar["avatarId"]}");
            request.Body["model"] = AvatarFacts.AvatarModel;
            request.Body["avatar"] = avatar;
            if (spec.MaxDuration.HasValue)
            {
                if (!(spec.MaxDuration.Value > 0))
                    throw Invalid("MaxDuration", "Runway.InvalidDuration", $"-MaxDuration must be more than 0 seconds; {spec.MaxDuration.Value} was given.", spec.MaxDuration.Value);
                request.Body["maxDuration"] = GenerationRequest.Number(spec.MaxDuration.Value);
                request.Summary += $", at most {GenerationRequest.Seconds(spec.MaxDuration.Value)}";
            }
            if (spec.Personality != null) request.Body["personality"] = Required(spec.Personality, "Personality");
            if (spec.StartScript != null) request.Body["startScript"] = Required(spec.StartScript, "StartScript");
            if (spec.Tools != null && spec.Tools.Count > 0)
            {
                RealtimeTools.Check(spec.Tools);
                request.Body["tools"] = spec.Tools;
                request.Summary += $", {spec.Tools.Count} tool{(spec.Tools.Count == 1 ? "" : "s")}";
            }
            if (spec.Integration != null)
            {
                JsonObject integration = RealtimeTools.Integration(spec.Integration);
                string type = integration["type"]!.GetValue<string>(); // Integration() refused any other than livekit or elevenlabs
                request.Body["integration"] = integration;
                request.Secret.Add("integration");
                request.Summary += $", through {type}";
            }
            return request;
        }

        private static void ApplyAvatarOptions(ResourceRequest request, AvatarSpec spec, bool update)
        {
            if (spec.DocumentIds != null)
            {
                var ids = new JsonArray();
                foreach (string id in spec.DocumentIds)
                {
                    if (string.IsNullOrWhiteSpace(id))
                        throw Invalid("DocumentId", "Runway.InvalidDocumentId", "-DocumentId has an empty id.", spec.DocumentIds);
                    RunwayInputException.CheckId(id.Trim(), "DocumentId", "knowledge document");
                    ids.Add(id.Trim());
                }
                request.Body["documentIds"] = ids;
            }
            if (spec.ImageProcessing != null)
            {
                string mode = AvatarFacts.ImageProcessingModes.FirstOrDefault(m => string.Equals(m, spec.ImageProcessing.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw Invalid("ImageProcessing", "Runway.InvalidImageProcessing", $"-ImageProcessing is {string.Join(" or ", AvatarFacts.ImageProcessingModes)}; '{spec.ImageProcessing}' was given.", spec.ImageProcessing);
                request.Body["imageProcessing"] = mode;
            }
            if (spec.StartScript != null)
            {
                if (spec.StartScript.Length == 0 && !update)
                    throw Invalid("StartScript", "Runway.EmptyText", "-StartScript is empty; leave it out for no opening line.", spec.StartScript);
                request.Body["startScript"] = spec.StartScript.Length == 0 ? null : spec.StartScript;
            }
        }

        private static void AddReferenceImage(ResourceRequest request, IMediaInput image)
        {
            if (image.MediaKind != null && image.MediaKind != MediaKind.Image)
                throw Invalid("ReferenceImage", "Runway.WrongMediaKind", $"-ReferenceImage '{image.Display}' is not an image; an avatar's face is a JPEG, PNG or WebP image.", image.Value);
            CheckDataUri(image, "ReferenceImage");
            request.AddMedia("referenceImage", image);
        }

        /// <summary>Refuses a data URI over the 5 MB the API takes inline (voice samples, faces, avatar-video audio).</summary>
        internal static void CheckDataUri(IMediaInput input, string parameter)
        {
            if (input.IsDataUri && input.Value.Length > AvatarFacts.DataUriMaxLength)
                throw new RunwayInputException($"-{parameter}: the data URI is {input.Value.Length / 1e6:0.#} MB; the API accepts at most 5 MB inline here. Pass the file's path instead (it will be uploaded).",
                    parameter, "Runway.FileTooLarge", input.Display, Api.ErrorKind.LimitsExceeded);
        }

        private static string VoiceName(string? name, string parameter)
        {
            string value = Required(name, parameter);
            if (value.Length > AvatarFacts.VoiceNameMaxLength)
                throw new RunwayInputException($"-{parameter} has {value.Length} characters; a voice name has at most {AvatarFacts.VoiceNameMaxLength}.",
                    parameter, "Runway.NameTooLong", value, Api.ErrorKind.LimitsExceeded);
            return value;
        }

        private static string Required(string? value, string parameter)
        {
            if (Api.Strings.IsBlank(value))
                throw Invalid(parameter, "Runway.EmptyText", $"-{parameter} is empty.", value);
            return value;
        }

        private static void RequireChange(ResourceRequest request, string what)
        {
            if (request.Body.Count == 0 && request.Media.Count == 0)
                throw new RunwayInputException($"Nothing to change: give {what}.", null, "Runway.NothingToChange", request.Summary, Api.ErrorKind.InvalidOperation);
        }

        private static string Changes(ResourceRequest request) =>
            string.Join(", ", request.Body.Select(p => p.Value == null ? $"clear {p.Key}" : $"set {p.Key}"));

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;

        internal static RunwayInputException Invalid(string parameter, string errorId, string message, object? target) =>
            new RunwayInputException(message, parameter, errorId, target);
    }
}
