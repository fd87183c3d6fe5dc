using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>The fixed lists and documented limits of voices, documents, avatars and realtime sessions (SDK 4.20.1 and Runway's docs).</summary>
    public static class AvatarFacts
    {
        /// <summary>The model of avatar videos (Descriptors/AvatarVideosEndpoint.cs) and of realtime sessions.</summary>
        public const string AvatarModel = "gwm1_avatars";

        /// <summary>Voice design models; the SDK says to prefer eleven_ttv_v3 (latest).</summary>
        public static readonly IReadOnlyList<string> VoiceDesignModels = new[] { "eleven_ttv_v3", "eleven_multilingual_ttv_v2" };
        public const string DefaultVoiceDesignModel = "eleven_ttv_v3";
        /// <summary>SDK: a voice description "must be at least 20 characters".</summary>
        public const int VoicePromptMinLength = 20;
        /// <summary>Runway's docs: a voice name has at most 100 characters.</summary>
        public const int VoiceNameMaxLength = 100;
        /// <summary>SDK: inline (data URI) voice samples, reference images and avatar-video audio are at most 5 MB.</summary>
        public const long DataUriMaxLength = 5 * 1000 * 1000;
        /// <summary>Runway's docs: a voice is cloned from a sample of 10 seconds to 5 minutes.</summary>
        public const double CloneSampleMinSeconds = 10;
        public const double CloneSampleMaxSeconds = 300;
        /// <summary>Runway's docs: each avatar supports up to 50,000 tokens of knowledge.</summary>
        public const int KnowledgeTokenLimit = 50000;
        /// <summary>SDK: the avatar usage date range must not exceed 90 days.</summary>
        public const int UsageMaxDays = 90;

        /// <summary>The live preset voices of avatars, avatar videos and realtime sessions (not the text-to-speech presets).</summary>
        public static readonly IReadOnlyList<string> LiveVoicePresets = Declarations.ValuesOf(Endpoints.AvatarVideos, "speech.voice.presetId");

        /// <summary>The preset avatars of avatar videos and realtime sessions.</summary>
        public static readonly IReadOnlyList<string> AvatarPresets = Declarations.ValuesOf(Endpoints.AvatarVideos, "avatar.presetId");

        public static readonly IReadOnlyList<string> ImageProcessingModes = new[] { "optimize", "none" };

        public static string? FindLivePreset(string? value) =>
            LiveVoicePresets.FirstOrDefault(p => string.Equals(p, value?.Trim(), StringComparison.OrdinalIgnoreCase));

        public static string? FindAvatarPreset(string? value) =>
            AvatarPresets.FirstOrDefault(p => string.Equals(p, value?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
