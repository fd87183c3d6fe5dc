using System;
using System.Text.Json.Nodes;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>character_performance's hand-built body (its descriptor's builder, reached through New-RunwayVideo's): shape and refusals.</summary>
    public sealed class CharacterPerformanceRequestTests
    {
        private static MediaSource Url(string url, string parameter) => MediaSource.From(url, parameter, p => p, MediaKind.Image, MediaKind.Video);

        private static RunwayInputException Rejected(Action build) => Assert.Throws<RunwayInputException>(build);

        private static VideoSpec Spec(string character, string reference, string type = null) => new VideoSpec
        {
            Endpoint = Endpoints.CharacterPerformance,
            Character = Url(character, "Character"),
            CharacterType = type,
            Reference = reference == null ? null : Url(reference, "Reference"),
        };

        [Fact]
        public void The_character_and_the_performance_go_as_typed_uris_with_act_twos_options()
        {
            VideoSpec spec = Spec("https://example.com/hero.mp4", "https://example.com/dance.mp4");
            spec.BodyControl = true;
            spec.ExpressionIntensity = 4;
            GenerationRequest request = RequestBuilder.Video(spec);
            Assert.Equal("act_two", request.Model.Name);
            Assert.Equal(Endpoints.CharacterPerformance, request.Endpoint);
            JsonObject body = request.Body;
            Assert.Equal("video", body["character"]["type"].GetValue<string>());
            Assert.Equal("https://example.com/hero.mp4", body["character"]["uri"].GetValue<string>());
            Assert.Equal("video", body["reference"]["type"].GetValue<string>());
            Assert.Equal("https://example.com/dance.mp4", body["reference"]["uri"].GetValue<string>());
            Assert.True(body["bodyControl"].GetValue<bool>());
            Assert.Equal(4, body["expressionIntensity"].GetValue<int>());
        }

        [Fact]
        public void A_character_whose_kind_cannot_be_seen_needs_its_type()
        {
            Assert.Equal("Runway.UnknownMediaKind", Rejected(() => RequestBuilder.Video(Spec("https://example.com/hero", "https://example.com/dance.mp4"))).ErrorId);
            GenerationRequest request = RequestBuilder.Video(Spec("https://example.com/hero", "https://example.com/dance.mp4", " Image "));
            Assert.Equal("image", request.Body["character"]["type"].GetValue<string>());
            Assert.Equal("Runway.WrongMediaKind", Rejected(() => RequestBuilder.Video(Spec("https://example.com/hero.mp4", "https://example.com/dance.mp4", "image"))).ErrorId);
        }

        [Fact]
        public void A_missing_performance_or_a_switch_act_two_lacks_is_refused_before_any_request()
        {
            RunwayInputException missing = Rejected(() => RequestBuilder.Video(Spec("https://example.com/hero.png", null)));
            Assert.Equal("Runway.MissingInput", missing.ErrorId);
            Assert.Equal("Reference", missing.Parameter);
            VideoSpec audio = Spec("https://example.com/hero.png", "https://example.com/dance.mp4");
            audio.Audio = true;
            Assert.Equal("Runway.AudioNotSupported", Rejected(() => RequestBuilder.Video(audio)).ErrorId);
            VideoSpec intensity = Spec("https://example.com/hero.png", "https://example.com/dance.mp4");
            intensity.ExpressionIntensity = 6;
            Assert.Equal("Runway.InvalidExpressionIntensity", Rejected(() => RequestBuilder.Video(intensity)).ErrorId);
        }
    }
}
