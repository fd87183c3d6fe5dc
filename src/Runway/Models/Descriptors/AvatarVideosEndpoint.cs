// avatar_videos: a preset or custom avatar speaking text or lip-syncing audio (gwm1_avatars).
using System.Text.Json.Nodes;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string AvatarVideos = "avatar_videos";
    }

    public sealed class AvatarVideoSpec
    {
        public string? Model { get; set; }
        public string? Avatar { get; set; }
        public string? Text { get; set; }
        public IMediaInput? Audio { get; set; }
        public string? Voice { get; set; }
    }

    /// <summary>The descriptor of avatar videos (New-RunwayAvatarVideo); the avatars, voices and presets are in AvatarFacts.</summary>
    internal sealed class AvatarVideosSection : EndpointSection
    {
        public AvatarVideosSection() : base(300, new EndpointInfo(Endpoints.AvatarVideos, "New-RunwayAvatarVideo", AvatarFacts.AvatarModel), ModelList) { }

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                // Runway publishes no price for avatar videos; the SDK states no text or output limits.
                Name = AvatarFacts.AvatarModel, Output = MediaKind.Video, Summary = "A talking avatar (preset or custom) speaking text or audio.",
                Endpoints = new[] { Endpoints.AvatarVideos }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
            },
        };
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest AvatarVideo(AvatarVideoSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.AvatarVideos);
            var request = new GenerationRequest(Endpoints.AvatarVideos, model) { DataUriLimit = AvatarFacts.DataUriMaxLength };
            JsonObject avatar = AvatarRequests.AvatarReference(spec.Avatar);
            request.Body["avatar"] = avatar;
            request.Details.Add("avatar " + (avatar["presetId"] ?? avatar["avatarId"]));
            var speech = new JsonObject();
            request.Body["speech"] = speech;
            if (spec.Audio != null)
            {
                if (spec.Text != null)
                    throw Invalid("Text", "Runway.TextWithMedia", "Give -Text (the avatar speaks it) or -Audio (the avatar lip-syncs it), not both.", spec.Text);
                if (spec.Voice != null)
                    throw Invalid("Voice", "Runway.VoiceWithAudio", "-Voice applies to -Text only: with -Audio the avatar speaks with the audio's own voice.", spec.Voice);
                IMediaInput audio = spec.Audio.AsAudioInput("Audio");
                AvatarRequests.CheckDataUri(audio, "Audio");
                speech["type"] = "audio";
                request.AddMedia(speech, "audio", audio);
                request.Cost.InputSeconds = audio.DurationSeconds;
                request.Details.Add("speaking " + audio.Display);
            }
            else
            {
                if (Api.Strings.IsBlank(spec.Text))
                    throw Invalid("Text", "Runway.MissingPrompt", "Give -Text for the avatar to speak, or -Audio for it to lip-sync.", spec.Text);
                speech["type"] = "text";
                speech["text"] = spec.Text;
                if (spec.Voice != null) speech["voice"] = AvatarRequests.AvatarVoice(spec.Voice, "preset");
                request.Details.Add($"speaking {spec.Text.Length} characters" + (spec.Voice != null ? " as " + spec.Voice.Trim() : " in the avatar's voice"));
            }
            return request;
        }
    }
}
