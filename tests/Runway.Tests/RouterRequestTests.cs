using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Router bodies: the API's spellings, merge-friendly updates (only what is given) and the checks made before sending.</summary>
    public sealed class RouterRequestTests
    {
        [Fact]
        public void Create_sends_the_slug_and_only_the_settings_given()
        {
            Assert.Equal("{\"slug\":\"drafts\"}", RouterRequestBuilder.Create(new RouterSpec { Slug = " drafts " }).ToJsonString());
            var body = RouterRequestBuilder.Create(new RouterSpec
            {
                Slug = "brand", OptimizeFor = "Quality", AllowOnly = new[] { "gen4_image", " gen4_image", "" }, FallbackOnCapacity = false, MaxImageCredits = 8,
            });
            Assert.Equal("{\"slug\":\"brand\",\"settings\":{\"optimizeFor\":\"quality\",\"models\":{\"ids\":[\"gen4_image\"],\"mode\":\"allowlist_only\"},\"fallback\":{\"onCapacity\":false},\"maxCreditsPerGeneration\":{\"image\":8}}}",
                body.ToJsonString());
        }

        [Fact]
        public void Update_sends_a_null_description_to_clear_it_and_refuses_an_empty_change()
        {
            Assert.Equal("{\"description\":null,\"settings\":{\"models\":{\"ids\":[\"veo3.1\"],\"mode\":\"allow_new_except\"}}}",
                RouterRequestBuilder.Update(new RouterSpec { ClearDescription = true, Exclude = new[] { "veo3.1" } }).ToJsonString());
            Assert.Equal("Runway.NothingToChange", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Update(new RouterSpec())).ErrorId);
        }

        [Fact]
        public void Conflicts_and_bad_values_are_refused()
        {
            Assert.Equal("Runway.MissingSlug", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Create(new RouterSpec { Slug = " " })).ErrorId);
            Assert.Equal("Runway.ConflictingParameters", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Create(new RouterSpec { Slug = "a", AllowOnly = new[] { "x" }, Exclude = new[] { "y" } })).ErrorId);
            Assert.Equal("Runway.MissingModels", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Create(new RouterSpec { Slug = "a", AllowOnly = new[] { " " } })).ErrorId);
            Assert.Equal("Runway.OutOfRange", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Create(new RouterSpec { Slug = "a", MaxAudioCredits = -0.5 })).ErrorId);
            Assert.Equal("Runway.InvalidChoice", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Create(new RouterSpec { Slug = "a", OptimizeFor = "speed" })).ErrorId);
            Assert.Equal("Runway.ConflictingParameters", Assert.Throws<RunwayInputException>(() => RouterRequestBuilder.Update(new RouterSpec { Description = "d", ClearDescription = true })).ErrorId);
        }
    }
}
