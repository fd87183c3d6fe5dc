using System;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Routed generation bodies ({configId, input}), the declarations' rules checked before sending, and the price before the create.</summary>
    public sealed class RoutedRequestTests
    {
        private static MediaSource Url(string url, MediaKind kind) => MediaSource.From(url, "Input", p => p, new[] { kind });

        private static RunwayInputException Rejected(Action build) => Assert.Throws<RunwayInputException>(build);

        private static JsonObject Input(GenerationRequest request) => request.Body["input"].AsObject();

        [Fact]
        public void A_routed_video_names_the_router_and_no_model_and_maps_roles()
        {
            var spec = new RoutedVideoSpec { Router = " films ", Prompt = "a kite", AspectRatio = "9:16", Resolution = "1080P", Duration = 5, Audio = false, Seed = 7, PublicFigureThreshold = "LOW" };
            spec.Images.Add(new RoutedMedia(Url("https://example.com/a.png", MediaKind.Image), "first", "Image"));
            spec.Images.Add(new RoutedMedia(Url("https://example.com/b.png", MediaKind.Image), "Last", "LastFrame"));
            spec.Images.Add(new RoutedMedia(Url("https://example.com/c.png", MediaKind.Image), null, "ReferenceImage"));
            spec.Videos.Add(new RoutedMedia(Url("https://example.com/s.mp4", MediaKind.Video), "source", "Video"));
            spec.Keyframes.Add(new RoutedKeyframe { At = 0.5, Image = Url("https://example.com/k.png", MediaKind.Image), RangeStart = 1, RangeEnd = 2 });
            GenerationRequest request = RoutedRequestBuilder.Video(spec);

            Assert.Equal(RoutedInput.Video, request.Endpoint);
            Assert.False(request.Body.ContainsKey("model"));
            Assert.Equal("films", request.Body["configId"].GetValue<string>());
            JsonObject input = Input(request);
            Assert.Equal("9:16", input["aspectRatio"].GetValue<string>());
            Assert.Equal("1080p", input["resolution"].GetValue<string>());
            Assert.Equal(5, input["duration"].GetValue<int>());
            Assert.False(input["audio"].GetValue<bool>());
            Assert.Equal("low", input["contentModeration"]["publicFigureThreshold"].GetValue<string>());
            Assert.Equal(new[] { "first", "last", "reference" }, input["referenceImages"].AsArray().Select(i => i["role"].GetValue<string>()));
            Assert.Equal("source", input["referenceVideos"][0]["role"].GetValue<string>());
            Assert.Equal(0.5, input["keyframes"][0]["at"].GetValue<double>());
            Assert.Equal(2, input["keyframes"][0]["range"]["end_seconds"].GetValue<int>());
            Assert.Equal("router:films", request.Model.Name);
        }

        [Fact]
        public void Video_roles_and_keyframes_follow_the_declarations()
        {
            var twoFirst = new RoutedVideoSpec { Router = "r" };
            twoFirst.Images.Add(new RoutedMedia(Url("https://example.com/a.png", MediaKind.Image), "first", "Image"));
            twoFirst.Images.Add(new RoutedMedia(Url("https://example.com/b.png", MediaKind.Image), "FIRST", "ReferenceImage"));
            Assert.Equal("Runway.DuplicateRole", Rejected(() => RoutedRequestBuilder.Video(twoFirst)).ErrorId);

            var twoSources = new RoutedVideoSpec { Router = "r" };
            twoSources.Videos.Add(new RoutedMedia(Url("https://example.com/a.mp4", MediaKind.Video), "source", "Video"));
            twoSources.Videos.Add(new RoutedMedia(Url("https://example.com/b.mp4", MediaKind.Video), "source", "ReferenceVideo"));
            Assert.Equal("Runway.DuplicateRole", Rejected(() => RoutedRequestBuilder.Video(twoSources)).ErrorId);

            var noSource = new RoutedVideoSpec { Router = "r" };
            noSource.Keyframes.Add(new RoutedKeyframe { Seconds = 1, Image = Url("https://example.com/k.png", MediaKind.Image) });
            Assert.Equal("Runway.KeyframesNeedSourceVideo", Rejected(() => RoutedRequestBuilder.Video(noSource)).ErrorId);

            var backwards = new RoutedVideoSpec { Router = "r" };
            backwards.Videos.Add(new RoutedMedia(Url("https://example.com/a.mp4", MediaKind.Video), "source", "Video"));
            backwards.Keyframes.Add(new RoutedKeyframe { Seconds = 1, Image = Url("https://example.com/k.png", MediaKind.Image), RangeStart = 3, RangeEnd = 2 });
            Assert.Equal("Runway.InvalidKeyframe", Rejected(() => RoutedRequestBuilder.Video(backwards)).ErrorId);

            Assert.Equal("AspectRatio", Rejected(() => RoutedRequestBuilder.Video(new RoutedVideoSpec { Router = "r", AspectRatio = "2:3" })).Parameter);
            Assert.Contains("not pixels", Rejected(() => RoutedRequestBuilder.Video(new RoutedVideoSpec { Router = "r", AspectRatio = "1280:720" })).Message);
            Assert.Equal("Runway.InvalidChoice", Rejected(() => RoutedRequestBuilder.Video(new RoutedVideoSpec { Router = "r", Resolution = "1k" })).ErrorId);
            Assert.Equal("Runway.InvalidDuration", Rejected(() => RoutedRequestBuilder.Video(new RoutedVideoSpec { Router = "r", Duration = -1 })).ErrorId);
            Assert.Equal("Runway.MissingRouter", Rejected(() => RoutedRequestBuilder.Video(new RoutedVideoSpec { Router = " " })).ErrorId);
            var image = new RoutedVideoSpec { Router = "r" };
            image.Videos.Add(new RoutedMedia(Url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", MediaKind.Image), "source", "Video"));
            Assert.Equal("Runway.WrongMediaKind", Rejected(() => RoutedRequestBuilder.Video(image)).ErrorId);
        }

        [Fact]
        public void A_routed_image_needs_a_prompt_and_takes_one_to_ten_outputs()
        {
            Assert.Equal("Runway.MissingPrompt", Rejected(() => RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r" })).ErrorId);
            Assert.Equal("Runway.InvalidOutputCount", Rejected(() => RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r", Prompt = "x", OutputCount = 0 })).ErrorId);
            Assert.Equal("Runway.InvalidOutputCount", Rejected(() => RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r", Prompt = "x", OutputCount = 11 })).ErrorId);
            Assert.Equal("Runway.InvalidSeed", Rejected(() => RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r", Prompt = "x", Seed = ModelCatalog.MaxSeed + 1 })).ErrorId);
            Assert.Equal("Runway.InvalidChoice", Rejected(() => RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r", Prompt = "x", Resolution = "720p" })).ErrorId);
            var spec = new RoutedImageSpec { Router = "r", Prompt = "x", AspectRatio = "4:5", OutputCount = 10, Seed = 1 };
            spec.References.Add(Url("https://example.com/a.png", MediaKind.Image));
            JsonObject input = Input(RoutedRequestBuilder.Image(spec));
            Assert.Equal("4:5", input["aspectRatio"].GetValue<string>());
            Assert.Equal(10, input["outputCount"].GetValue<int>());
            Assert.Equal("https://example.com/a.png", input["referenceImages"][0]["uri"].GetValue<string>());
            Assert.False(input["referenceImages"][0].AsObject().ContainsKey("role"));
        }

        [Fact]
        public void Routed_audio_keeps_voices_to_speech_and_length_loop_references_to_audio()
        {
            JsonObject speech = Input(RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "hi", Type = "Speech", Voice = "maya" }));
            Assert.Equal("speech", speech["type"].GetValue<string>());
            Assert.Equal("preset", speech["voice"]["type"].GetValue<string>());
            Assert.Equal("Maya", speech["voice"]["presetId"].GetValue<string>());
            JsonObject clone = Input(RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "hi", Type = "speech", VoiceSample = Url("https://example.com/v.mp3", MediaKind.Audio) }));
            Assert.Equal("reference-audio", clone["voice"]["type"].GetValue<string>());
            Assert.Equal("https://example.com/v.mp3", clone["voice"]["audioUri"].GetValue<string>());

            Assert.Equal("Runway.MissingType", Rejected(() => RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "x" })).ErrorId);
            Assert.Equal("Runway.MissingPrompt", Rejected(() => RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Type = "audio" })).ErrorId);
            Assert.Equal("Runway.ParameterNotForType", Rejected(() => RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "x", Type = "speech", Duration = 3 })).ErrorId);
            Assert.Equal("Runway.ParameterNotForType", Rejected(() => RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "x", Type = "audio", Voice = "Maya" })).ErrorId);
            Assert.Equal("Runway.ConflictingParameters", Rejected(() => RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "x", Type = "speech", Voice = "Maya", VoiceSample = Url("https://example.com/v.mp3", MediaKind.Audio) })).ErrorId);
            var four = new RoutedAudioSpec { Router = "r", Prompt = "x", Type = "audio" };
            for (int i = 0; i < 4; i++) four.References.Add(Url($"https://example.com/{i}.mp3", MediaKind.Audio));
            Assert.Equal("Runway.TooManyReferences", Rejected(() => RoutedRequestBuilder.Audio(four)).ErrorId);

            JsonObject sound = Input(RoutedRequestBuilder.Audio(new RoutedAudioSpec { Router = "r", Prompt = "rain", Type = "audio", Duration = 2.5, Loop = true }));
            Assert.Equal(2.5, sound["duration"].GetValue<double>());
            Assert.True(sound["loop"].GetValue<bool>());
        }

        [Fact]
        public void The_price_is_unknown_unless_the_router_sets_a_ceiling_which_is_then_the_most_it_costs()
        {
            GenerationRequest open = RoutedRequestBuilder.Image(new RoutedImageSpec { Router = "r", Prompt = "x", OutputCount = 3 });
            Assert.False(open.PriceKnown);
            Assert.StartsWith("an unknown price", open.CostText);

            RoutedRequestBuilder.ApplyCeiling(open, 8);
            Assert.True(open.PriceKnown);
            Assert.Equal(24, open.CreditsUpperBound);
            Assert.Equal("at most 24 credits ($0.24) (router ceiling: 8 credits per image generation × 3 images)", open.CostText);
        }

        [Fact]
        public void The_routing_of_a_create_reads_and_round_trips_through_the_journal_shape()
        {
            var json = JsonNode.Parse(@"{""configId"":""busy"",""estimatedCost"":{""credits"":6},""model"":""gpt_image_2"",""provider"":""openai"",
                ""resolvedInput"":{""aspectRatio"":""1:1"",""ratio"":""1024:1024"",""resolution"":""1k""},
                ""resolvedSettings"":{""optimizeFor"":""cost"",""priceCeiling"":null},""capacityFallback"":{""allExhausted"":false,""skipped"":[""gemini_2.5_flash""]}}").AsObject();
            RunwayRouting routing = RunwayRouting.FromJson(json);
            Assert.Equal("busy", routing.Router);
            Assert.Equal(6m, routing.EstimatedCredits);
            Assert.Null(routing.PriceCeiling);
            Assert.True(routing.CapacityFallback);
            Assert.Equal(new[] { "gemini_2.5_flash" }, routing.Skipped);
            Assert.Equal("1024:1024", routing.ResolvedInput["ratio"]);
            RunwayRouting again = RunwayRouting.FromJson(routing.ToJson());
            Assert.Equal(routing.Reason, again.Reason);
            Assert.Equal("gpt_image_2 (openai) by router 'busy', optimized for cost; skipped at capacity: gemini_2.5_flash", again.Reason);
            Assert.Equal("1k", again.ResolvedInput["resolution"]);
        }
    }
}
