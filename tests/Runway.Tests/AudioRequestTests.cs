using System;
using System.IO;
using System.Text;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Audio request building: body shapes, catalog spellings, prices and the rules checked before sending.</summary>
    public sealed class AudioRequestTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "runway-audio-tests-" + Guid.NewGuid().ToString("N"));

        public AudioRequestTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private string Wav(string name, double seconds)
        {
            const int rate = 1000;
            int samples = (int)Math.Round(seconds * rate);
            string path = Path.Combine(folder, name);
            using (var writer = new BinaryWriter(File.Create(path)))
            {
                writer.Write(Encoding.ASCII.GetBytes("RIFF"));
                writer.Write(36 + 2 * samples);
                writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
                writer.Write(16);
                writer.Write((short)1);
                writer.Write((short)1);
                writer.Write(rate);
                writer.Write(rate * 2);
                writer.Write((short)2);
                writer.Write((short)16);
                writer.Write(Encoding.ASCII.GetBytes("data"));
                writer.Write(2 * samples);
                writer.Write(new byte[2 * samples]);
            }
            return path;
        }

        private static MediaSource Source(object input, params MediaKind[] kinds) =>
            MediaSource.From(input, "Audio", p => p, kinds.Length == 0 ? new[] { MediaKind.Audio, MediaKind.Video } : kinds);

        private static RunwayInputException Rejected(Action build) => Assert.Throws<RunwayInputException>(build);

        [Fact]
        public void Text_to_speech_sends_the_preset_as_the_catalog_spells_it()
        {
            GenerationRequest request = RequestBuilder.Speech(new SpeechSpec { Text = "Hello there", Voice = " leSLIE " });
            Assert.Equal(Endpoints.TextToSpeech, request.Endpoint);
            Assert.Equal("{\"model\":\"eleven_multilingual_v2\",\"promptText\":\"Hello there\",\"voice\":{\"type\":\"runway-preset\",\"presetId\":\"Leslie\"}}",
                request.Body.ToJsonString());
            Assert.Equal(1m, request.EstimatedCredits);
            Assert.False(request.CostIsApproximate);
        }

        [Theory]
        [InlineData(50, 1)]
        [InlineData(51, 2)]
        [InlineData(1000, 20)]
        public void Text_to_speech_costs_one_credit_per_started_50_characters(int length, int credits) =>
            Assert.Equal(credits, RequestBuilder.Speech(new SpeechSpec { Text = new string('a', length), Voice = "Maya" }).EstimatedCredits);

        [Fact]
        public void Unknown_voices_and_overlong_text_are_refused_naming_the_parameter()
        {
            RunwayInputException voice = Rejected(() => RequestBuilder.Speech(new SpeechSpec { Text = "Hi", Voice = "Bob" }));
            Assert.Equal("Runway.UnknownVoice", voice.ErrorId);
            Assert.Equal("Voice", voice.Parameter);
            Assert.Equal("Bob", voice.Target);
            foreach (string preset in ModelCatalog.VoicePresets) Assert.Contains(preset, voice.Message);

            RunwayInputException text = Rejected(() => RequestBuilder.Speech(new SpeechSpec { Text = new string('a', 1001), Voice = "Maya" }));
            Assert.Equal("Runway.PromptTooLong", text.ErrorId);
            Assert.Equal("Text", text.Parameter);
            Assert.StartsWith("-Text is 1001 characters", text.Message);

            RunwayInputException blank = Rejected(() => RequestBuilder.Speech(new SpeechSpec { Text = "   ", Voice = "Maya" }));
            Assert.Equal("Runway.MissingPrompt", blank.ErrorId);
        }

        [Fact]
        public void Speech_to_speech_types_the_media_by_content_else_by_parameter_and_prices_the_input()
        {
            GenerationRequest local = RequestBuilder.Speech(new SpeechSpec { Voice = "Maggie", Media = Source(Wav("a.wav", 9)), RemoveBackgroundNoise = true });
            Assert.Equal(Endpoints.SpeechToSpeech, local.Endpoint);
            Assert.Equal("eleven_multilingual_sts_v2", local.Model.Name);
            Assert.Equal("audio", (string)local.Body["media"]["type"]);
            Assert.True((bool)local.Body["removeBackgroundNoise"]);
            Assert.Equal(3m, local.EstimatedCredits);
            Assert.False(local.CostIsApproximate);

            GenerationRequest url = RequestBuilder.Speech(new SpeechSpec
            {
                Voice = "Maggie", Media = Source("https://example.com/a.mp4", MediaKind.Video), DeclaredKind = MediaKind.Video,
            });
            Assert.Equal("video", (string)url.Body["media"]["type"]);
            Assert.Equal("https://example.com/a.mp4", (string)url.Body["media"]["uri"]);
            Assert.True(url.CostIsApproximate);
        }

        [Fact]
        public void Sound_effects_validate_the_duration_against_the_catalog()
        {
            GenerationRequest request = RequestBuilder.SoundEffect(new SoundEffectSpec { Prompt = "rain", Duration = 2.5, Loop = true });
            Assert.Equal("{\"model\":\"eleven_text_to_sound_v2\",\"promptText\":\"rain\",\"duration\":2.5,\"loop\":true}", request.Body.ToJsonString());
            Assert.Equal(3m, request.EstimatedCredits);

            GenerationRequest automatic = RequestBuilder.SoundEffect(new SoundEffectSpec { Prompt = "rain" });
            Assert.Null(automatic.Body["duration"]);
            Assert.True(automatic.CostIsApproximate);

            foreach (double bad in new[] { 0.49, 30.01, 0 })
                Assert.Equal("Runway.InvalidDuration", Rejected(() => RequestBuilder.SoundEffect(new SoundEffectSpec { Prompt = "rain", Duration = bad })).ErrorId);
            Assert.Equal("Runway.PromptTooLong", Rejected(() => RequestBuilder.SoundEffect(new SoundEffectSpec { Prompt = new string('a', 3001) })).ErrorId);
        }

        [Fact]
        public void Dubbing_sends_the_catalog_code_and_the_options()
        {
            GenerationRequest request = RequestBuilder.Dubbing(new DubbingSpec
            {
                Audio = Source(Wav("talk.wav", 10)), TargetLanguage = "FIL", DisableVoiceCloning = true, DropBackgroundAudio = false, SpeakerCount = 3,
            });
            Assert.Equal("fil", (string)request.Body["targetLang"]);
            Assert.True((bool)request.Body["disableVoiceCloning"]);
            Assert.False((bool)request.Body["dropBackgroundAudio"]);
            Assert.Equal(3, (int)request.Body["numSpeakers"]);
            Assert.Equal(5m, request.EstimatedCredits);
            Assert.Single(request.Media);
        }

        [Fact]
        public void Dubbing_refuses_unknown_languages_and_speaker_counts_below_one()
        {
            RunwayInputException unknown = Rejected(() => RequestBuilder.Dubbing(new DubbingSpec { Audio = Source("https://example.com/a.mp3"), TargetLanguage = "xx" }));
            Assert.Equal("Runway.UnknownLanguage", unknown.ErrorId);
            Assert.Equal("TargetLanguage", unknown.Parameter);
            foreach (string code in ModelCatalog.DubbingLanguages) Assert.Contains(code, unknown.Message);

            RunwayInputException speakers = Rejected(() => RequestBuilder.Dubbing(new DubbingSpec { Audio = Source("https://example.com/a.mp3"), TargetLanguage = "es", SpeakerCount = 0 }));
            Assert.Equal("Runway.InvalidSpeakerCount", speakers.ErrorId);
        }

        [Theory]
        [InlineData(4.5, false)]
        [InlineData(4.6, true)]
        [InlineData(10, true)]
        [InlineData(3600, true)]
        [InlineData(3600.5, false)]
        public void Voice_isolation_checks_a_readable_input_length_against_the_catalog(double seconds, bool accepted)
        {
            MediaSource audio = Source(Wav("voice.wav", seconds));
            if (accepted)
            {
                GenerationRequest request = RequestBuilder.VoiceIsolation(new VoiceIsolationSpec { Audio = audio });
                Assert.Equal((decimal)Math.Ceiling(Math.Round(seconds / 6, 6)), request.EstimatedCredits);
                Assert.False(request.CostIsApproximate);
            }
            else
            {
                RunwayInputException error = Rejected(() => RequestBuilder.VoiceIsolation(new VoiceIsolationSpec { Audio = audio }));
                Assert.Equal("Runway.InvalidDuration", error.ErrorId);
                Assert.Equal(audio.Value, error.Target);
            }
        }

        [Fact]
        public void An_MP4_video_goes_to_an_audio_field_as_audio_mp4_and_other_videos_are_refused()
        {
            GenerationRequest request = RequestBuilder.VoiceIsolation(new VoiceIsolationSpec { Audio = Source("data:video/mp4;base64,AAAAGGZ0eXBpc29t") });
            Assert.Equal("data:audio/mp4;base64,AAAAGGZ0eXBpc29t", (string)request.Body["audioUri"]);

            string mkv = Path.Combine(folder, "clip.mkv");
            File.WriteAllBytes(mkv, new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0 });
            RunwayInputException error = Rejected(() => RequestBuilder.Dubbing(new DubbingSpec { Audio = Source(mkv), TargetLanguage = "es" }));
            Assert.Equal("Runway.UnsupportedFormat", error.ErrorId);
            Assert.Contains("MKV video", error.Message);
        }
    }
}
