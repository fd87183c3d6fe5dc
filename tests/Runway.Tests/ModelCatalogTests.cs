using System;
using System.Linq;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    public class ModelCatalogTests
    {
        private static decimal Cost(string model, CostQuery query) => ModelCatalog.Find(model).Price.Estimate(ModelCatalog.Find(model), query);

        [Theory]
        [InlineData("gen4_turbo", 10, true, 50)]
        [InlineData("gen4_turbo", 5, true, 25)]
        [InlineData("gen4.5", 5, true, 60)]
        [InlineData("gen4.5", 10, true, 120)]
        [InlineData("veo3.1", 8, true, 320)]
        [InlineData("veo3.1", 8, false, 160)]
        [InlineData("veo3.1_fast", 10, true, 150)]
        [InlineData("veo3.1_fast", 4, false, 40)]
        [InlineData("act_two", 10, true, 50)]
        public void Video_prices_follow_the_reference(string model, double seconds, bool audio, int credits) =>
            Assert.Equal(credits, Cost(model, new CostQuery { DurationSeconds = seconds, Audio = audio }));

        [Fact]
        public void Duration_defaults_to_the_models_default() =>
            Assert.Equal(50m, Cost("gen4_turbo", new CostQuery()));

        [Theory]
        [InlineData("gen4_image", "1280:720", 5)]
        [InlineData("gen4_image", "720:720", 5)]
        [InlineData("gen4_image", "1920:1080", 8)]
        [InlineData("gen4_image", "1080:1440", 8)]
        [InlineData("gen4_image", "1680:720", 5)]
        [InlineData("gen4_image", "1024:1024", 8)]
        [InlineData("gen4_image", "1808:768", 8)]
        [InlineData("gen4_image_turbo", "1920:1080", 2)]
        [InlineData("gemini_2.5_flash", "1024:1024", 5)]
        public void Image_prices_follow_the_resolution(string model, string ratio, int credits) =>
            Assert.Equal(credits, Cost(model, new CostQuery { Ratio = ratio }));

        [Theory]
        [InlineData(1, 1)]
        [InlineData(50, 1)]
        [InlineData(51, 2)]
        [InlineData(1000, 20)]
        public void Speech_costs_one_credit_per_started_50_characters(int characters, int credits) =>
            Assert.Equal(credits, Cost("eleven_multilingual_v2", new CostQuery { TextLength = characters }));

        [Theory]
        [InlineData("eleven_text_to_sound_v2", 10, 10)]
        [InlineData("eleven_text_to_sound_v2", 0.5, 1)]
        [InlineData("eleven_multilingual_sts_v2", 9, 3)]
        [InlineData("eleven_multilingual_sts_v2", 10, 4)]
        [InlineData("eleven_voice_dubbing", 10, 5)]
        [InlineData("eleven_voice_isolation", 12, 2)]
        [InlineData("eleven_voice_isolation", 13, 3)]
        public void Audio_prices_count_started_blocks_of_seconds(string model, double seconds, int credits) =>
            Assert.Equal(credits, Cost(model, new CostQuery { InputSeconds = seconds }));

        [Fact]
        public void Every_model_has_a_price_an_endpoint_and_a_default_model_per_endpoint()
        {
            foreach (ModelInfo model in ModelCatalog.Models)
            {
                Assert.NotNull(model.Price);
                Assert.NotEmpty(model.Endpoints);
            }
            foreach (string endpoint in ModelCatalog.Models.SelectMany(m => m.Endpoints).Distinct())
                Assert.True(ModelCatalog.Find(ModelCatalog.DefaultModel[endpoint]).ServesEndpoint(endpoint));
        }

        [Fact]
        public void Each_endpoint_serves_exactly_the_models_the_SDK_declares()
        {
            // The generated tables hold every (endpoint, model) pair of the declarations; nothing here is counted by hand.
            var declared = GenerationFields.Rows.Select(r => (r.Endpoint, r.Model)).Concat(Declarations.Models).Distinct().ToArray();
            Assert.NotEmpty(declared);
            foreach (string endpoint in declared.Select(d => d.Endpoint).Distinct())
                Assert.Equal(
                    declared.Where(d => d.Endpoint == endpoint).Select(d => d.Model).OrderBy(m => m, StringComparer.Ordinal),
                    ModelCatalog.ForEndpoint(endpoint).Select(m => m.Name).OrderBy(m => m, StringComparer.Ordinal));
            // Every task endpoint of the catalog is a declared one, or a recipe (the declarations give recipes no model).
            Assert.Empty(ModelCatalog.EndpointTable.Select(e => e.Name).Where(e => RecipeCatalog.RecipeOf(e) == null).Except(declared.Select(d => d.Endpoint)));
            Assert.Equal(RecipeCatalog.Versions.Keys.OrderBy(r => r, StringComparer.Ordinal), ModelCatalog.EndpointTable.Select(e => RecipeCatalog.RecipeOf(e.Name)).Where(r => r != null).OrderBy(r => r, StringComparer.Ordinal));
            Assert.Equal(ModelCatalog.Sections.Sum(s => s.Models.Count()), ModelCatalog.Models.Count);
            Assert.Equal(ModelCatalog.Models.Count, ModelCatalog.Models.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void The_hand_written_lists_agree_with_the_simulators_and_the_declarations()
        {
            // Both sides are written from the declarations separately (the simulator never reads the module).
            Assert.Equal(Runway.Simulator.Validation.Catalog.VoicePresets, ModelCatalog.VoicePresets);
            Assert.Equal(Runway.Simulator.Validation.Catalog.DubbingLanguages, ModelCatalog.DubbingLanguages);
            Assert.Equal(Declarations.ValuesOf(Endpoints.VideoToHdr, "outputFormat"), EnhanceCatalog.HdrFormats.Select(f => f.Key));
            Assert.Equal(Declarations.ValuesOf(Endpoints.VideoToHdr, "proresProfile").OrderBy(p => p, StringComparer.Ordinal), EnhanceCatalog.ProResProfiles.OrderBy(p => p, StringComparer.Ordinal));
            Assert.Equal(Declarations.ValuesOf(RecipeCatalog.Endpoint(RecipeCatalog.AdLocalization), "targetLanguage"), RecipeCatalog.Languages.Select(l => l.Key));
        }

        [Theory]
        [InlineData("gen4_turbo", 2, true)]
        [InlineData("gen4_turbo", 10, true)]
        [InlineData("gen4_turbo", 11, false)]
        [InlineData("gen4_turbo", 1, false)]
        [InlineData("gen4_turbo", 5.5, false)]
        [InlineData("veo3.1", 6, true)]
        [InlineData("veo3.1", 5, false)]
        [InlineData("gen4.5", 2, true)]
        [InlineData("gen4.5", 10, true)]
        [InlineData("gen4.5", 1, false)]
        [InlineData("gen4.5", 5.5, false)]
        [InlineData("eleven_text_to_sound_v2", 0.5, true)]
        [InlineData("eleven_text_to_sound_v2", 30.5, false)]
        public void Durations_are_checked_per_model(string model, double seconds, bool accepted) =>
            Assert.Equal(accepted, ModelCatalog.Find(model).Duration.Accepts(seconds));

        [Theory]
        [InlineData("mp4", 60)]
        [InlineData("prores", 85)]
        [InlineData("png_sequence", 85)]
        [InlineData("hdr10", 160)]
        [InlineData("hdr_exr_sequence", 160)]
        public void Gen45_output_formats_add_the_declared_surcharge(string format, int credits) =>
            Assert.Equal(credits, Cost("gen4.5", new CostQuery { DurationSeconds = 5, OutputFormat = format }));

        [Fact]
        public void Muse_image_costs_one_credit_per_image() =>
            Assert.Equal(3m, Cost("muse_image", new CostQuery { OutputCount = 3 }));

        [Fact]
        public void Models_without_a_published_price_say_so()
        {
            foreach (string name in new[] { "seedance2", "aleph2", "gpt_image_2", "seed_audio", "eleven_v3", "hailuo3" })
            {
                Assert.False(ModelCatalog.Find(name).PriceKnown);
                Assert.Equal("price unknown", ModelCatalog.Find(name).Price.Describe());
            }
        }

        [Fact]
        public void Cost_is_formatted_in_credits_and_dollars() =>
            Assert.Equal("50 credits ($0.50)", ModelCatalog.FormatCost(50));
    }
}
