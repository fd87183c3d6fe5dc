using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Bodies of voices, documents, avatars, avatar videos and realtime sessions, and the rules checked before sending.</summary>
    public sealed class AvatarRequestTests : IDisposable
    {
        private const string Description = "A warm, low narrator voice with a slight accent";
        private readonly string folder = Path.Combine(Path.GetTempPath(), "runway-avatar-tests-" + Guid.NewGuid().ToString("N"));

        public AvatarRequestTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private string Png()
        {
            string path = Path.Combine(folder, "face.png");
            File.WriteAllBytes(path, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0 });
            return path;
        }

        private static MediaSource Image(string value) => MediaSource.From(value, "ReferenceImage", p => p, MediaKind.Image);

        private static RunwayInputException Rejected(Action build) => Assert.Throws<RunwayInputException>(build);

        [Fact]
        public void A_designed_voice_defaults_to_eleven_ttv_v3_and_sends_the_declared_shape()
        {
            ResourceRequest request = AvatarRequests.Voice(new VoiceSpec { Name = "Narrator", Prompt = Description });
            Assert.Equal("{\"name\":\"Narrator\",\"from\":{\"type\":\"text\",\"model\":\"eleven_ttv_v3\",\"prompt\":\"" + Description + "\"}}", request.Body.ToJsonString());
            Assert.Equal("eleven_multilingual_ttv_v2", AvatarRequests.VoiceModel("ELEVEN_MULTILINGUAL_TTV_V2"));
        }

        [Fact]
        public void Voice_rules_are_the_documented_ones()
        {
            Assert.Equal("Runway.PromptTooShort", Rejected(() => AvatarRequests.Voice(new VoiceSpec { Name = "n", Prompt = new string('x', 19) })).ErrorId);
            Assert.NotNull(AvatarRequests.Voice(new VoiceSpec { Name = "n", Prompt = new string('x', 20) }));
            Assert.Equal("Runway.NameTooLong", Rejected(() => AvatarRequests.Voice(new VoiceSpec { Name = new string('n', 101), Prompt = Description })).ErrorId);
            Assert.NotNull(AvatarRequests.Voice(new VoiceSpec { Name = new string('n', 100), Prompt = Description }));
            Assert.Equal("Runway.UnknownModel", Rejected(() => AvatarRequests.Voice(new VoiceSpec { Name = "n", Prompt = Description, Model = "eleven_v3" })).ErrorId);
            Assert.Equal("Runway.EmptyText", Rejected(() => AvatarRequests.Voice(new VoiceSpec { Name = " ", Prompt = Description })).ErrorId);
        }

        [Fact]
        public void A_cloned_voice_takes_audio_and_an_empty_description_is_sent_as_null()
        {
            var audio = MediaSource.From("https://example.com/sample.mp3", "Audio", p => p, MediaKind.Audio);
            ResourceRequest request = AvatarRequests.Voice(new VoiceSpec { Name = "Me", Description = "", Audio = audio });
            Assert.Equal("{\"name\":\"Me\",\"description\":null,\"from\":{\"type\":\"audio\",\"audio\":\"https://example.com/sample.mp3\"}}", request.Body.ToJsonString());
            Assert.Single(request.Media);
        }

        [Fact]
        public void Updates_with_nothing_to_change_are_refused()
        {
            Assert.Equal("Runway.NothingToChange", Rejected(() => AvatarRequests.VoiceUpdate("v", new UpdateSpec())).ErrorId);
            Assert.Equal("Runway.NothingToChange", Rejected(() => AvatarRequests.DocumentUpdate("d", new UpdateSpec())).ErrorId);
            Assert.Equal("Runway.NothingToChange", Rejected(() => AvatarRequests.AvatarUpdate("a", new AvatarSpec())).ErrorId);
            Assert.Equal("{\"description\":null}", AvatarRequests.VoiceUpdate("v", new UpdateSpec { Description = "" }).Body.ToJsonString());
        }

        [Fact]
        public void Documents_need_a_name_and_content_and_warn_only_past_the_documented_limit()
        {
            Assert.Equal("{\"name\":\"FAQ\",\"content\":\"# Q\"}", AvatarRequests.Document("FAQ", "# Q", null).Body.ToJsonString());
            Assert.Equal("Runway.EmptyContent", Rejected(() => AvatarRequests.Document("FAQ", " ", null)).ErrorId);
            Assert.Null(AvatarRequests.KnowledgeWarning("d", 4 * AvatarFacts.KnowledgeTokenLimit));
            Assert.Contains("50,000", AvatarRequests.KnowledgeWarning("d", 4 * AvatarFacts.KnowledgeTokenLimit + 1));
        }

        [Fact]
        public void An_avatar_voice_is_a_live_preset_or_a_custom_voice()
        {
            Assert.Equal("{\"type\":\"runway-live-preset\",\"presetId\":\"victoria\"}", AvatarRequests.AvatarVoice("Victoria").ToJsonString());
            Assert.Equal("{\"type\":\"custom\",\"id\":\"3f0c\"}", AvatarRequests.AvatarVoice("3f0c").ToJsonString());
            Assert.Equal("{\"type\":\"preset\",\"presetId\":\"luna\"}", AvatarRequests.AvatarVoice("luna", "preset").ToJsonString());
            Assert.Equal(30, AvatarFacts.LiveVoicePresets.Count);
        }

        [Fact]
        public void An_avatar_needs_an_image_and_its_local_face_is_a_media_slot()
        {
            ResourceRequest request = AvatarRequests.Avatar(new AvatarSpec
            {
                Name = "Ava", Personality = "Kind", Voice = "maya", ReferenceImage = Image(Png()), DocumentIds = new[] { "d1" }, ImageProcessing = "None",
            });
            Assert.Equal("maya", request.Body["voice"]["presetId"].GetValue<string>());
            Assert.Equal("none", request.Body["imageProcessing"].GetValue<string>());
            Assert.Equal("d1", request.Body["documentIds"][0].GetValue<string>());
            Assert.Contains("<face.png>", request.DescribeBody());
            Assert.Throws<RunwayInputException>(() => MediaSource.From(Path.Combine(folder, "missing.png"), "ReferenceImage", p => p, MediaKind.Image));
            Assert.Equal("Runway.MissingInput", Rejected(() => AvatarRequests.Avatar(new AvatarSpec { Name = "A", Personality = "p", Voice = "maya" })).ErrorId);
        }

        [Fact]
        public void An_avatar_update_can_clear_the_start_script_and_the_documents()
        {
            ResourceRequest request = AvatarRequests.AvatarUpdate("a", new AvatarSpec { StartScript = "", DocumentIds = new string[0] });
            Assert.Equal("{\"documentIds\":[],\"startScript\":null}", request.Body.ToJsonString());
        }

        [Fact]
        public void An_avatar_video_takes_a_preset_or_custom_avatar_and_text_or_audio()
        {
            GenerationRequest text = RequestBuilder.AvatarVideo(new AvatarVideoSpec { Avatar = "Influencer", Text = "Hi", Voice = "leo" });
            Assert.Equal("{\"model\":\"gwm1_avatars\",\"avatar\":{\"type\":\"runway-preset\",\"presetId\":\"influencer\"},\"speech\":{\"type\":\"text\",\"text\":\"Hi\",\"voice\":{\"type\":\"preset\",\"presetId\":\"leo\"}}}",
                text.Body.ToJsonString());
            Assert.False(text.PriceKnown);
            GenerationRequest custom = RequestBuilder.AvatarVideo(new AvatarVideoSpec { Avatar = "a-1", Audio = MediaSource.From("https://example.com/a.mp3", "Audio", p => p, MediaKind.Audio) });
            Assert.Equal("a-1", custom.Body["avatar"]["avatarId"].GetValue<string>());
            Assert.Equal("audio", custom.Body["speech"]["type"].GetValue<string>());
            Assert.Equal(AvatarFacts.DataUriMaxLength, custom.DataUriLimit);
            Assert.Equal("Runway.VoiceWithAudio", Rejected(() => RequestBuilder.AvatarVideo(new AvatarVideoSpec
            {
                Avatar = "influencer", Voice = "leo", Audio = MediaSource.From("https://example.com/a.mp3", "Audio", p => p, MediaKind.Audio),
            })).ErrorId);
            Assert.Equal("Runway.MissingPrompt", Rejected(() => RequestBuilder.AvatarVideo(new AvatarVideoSpec { Avatar = "influencer", Text = " " })).ErrorId);
        }

        [Fact]
        public void A_realtime_session_checks_the_documented_tool_limits_and_hides_integration_secrets()
        {
            var tool = new JsonObject { ["type"] = "client_event", ["name"] = "show_map", ["description"] = "Shows a map" };
            ResourceRequest request = AvatarRequests.RealtimeSession(new RealtimeSessionSpec
            {
                Avatar = "influencer", MaxDuration = 60, Tools = new JsonArray(tool),
                Integration = new JsonObject { ["type"] = "livekit", ["url"] = "wss://x.example.com", ["roomName"] = "r", ["token"] = "SECRET" },
            });
            Assert.Equal(60, request.Body["maxDuration"].GetValue<int>());
            Assert.DoesNotContain("SECRET", request.DescribeBody());
            Assert.Contains("SECRET", request.Body.ToJsonString());
            Assert.Equal("Runway.InvalidTool", Rejected(() => AvatarRequests.RealtimeSession(new RealtimeSessionSpec
            {
                Avatar = "influencer", Tools = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode)new JsonObject { ["type"] = "client_event", ["name"] = "t" + i, ["description"] = "d" }).ToArray()),
            })).ErrorId);
            Assert.Equal("Runway.InvalidTool", Rejected(() => AvatarRequests.RealtimeSession(new RealtimeSessionSpec
            {
                Avatar = "influencer", Tools = new JsonArray(new JsonObject { ["type"] = "client_event", ["name"] = "1bad", ["description"] = "d" }),
            })).ErrorId);
            Assert.Equal("Runway.InvalidDuration", Rejected(() => AvatarRequests.RealtimeSession(new RealtimeSessionSpec { Avatar = "influencer", MaxDuration = 0 })).ErrorId);
        }

        [Fact]
        public void Text_to_speech_refuses_a_custom_voice_id_with_a_clear_reason()
        {
            RunwayInputException error = Rejected(() => RequestBuilder.Speech(new SpeechSpec { Text = "hi", Voice = Guid.NewGuid().ToString() }));
            Assert.Equal("Runway.CustomVoiceNotAccepted", error.ErrorId);
            Assert.Contains("preset", error.Message);
        }

        [Fact]
        public void The_catalog_knows_avatar_videos_and_their_unknown_price()
        {
            ModelInfo model = ModelCatalog.Find("gwm1_avatars");
            Assert.NotNull(model);
            Assert.False(model.PriceKnown);
            Assert.Equal("New-RunwayAvatarVideo", ModelCatalog.EndpointTable.Single(e => e.Name == "avatar_videos").Cmdlet);
        }
    }
}
