using System;
using System.Collections.Generic;
using System.Linq;
using Runway.Models;
using Xunit;
using SimCatalog = Runway.Simulator.Validation.Catalog;
using SimPrices = Runway.Simulator.Validation.Prices;
using SimPrice = Runway.Simulator.Validation.PublishedPrice;
using SimUnit = Runway.Simulator.Validation.PriceUnit;
using Routed = Runway.Simulator.GenerateEndpoints;

namespace Runway.Tests
{
    /// <summary>
    /// The simulator's one model list and one price table: complete, without a second source, and in agreement with
    /// the module's catalog wherever Runway states a price. Both sides are written from the declarations and the
    /// public reference separately (the simulator never reads the module); this test is where they meet.
    /// </summary>
    public class SimulatorCatalogTests
    {
        private static readonly string[] TaskModels = SimCatalog.TaskModelsByEndpoint.Values.SelectMany(m => m).ToArray();

        [Fact]
        public void Every_model_has_exactly_one_price_row()
        {
            foreach (string model in SimCatalog.AllModels)
            {
                bool published = SimPrices.Published.ContainsKey(model), simulated = SimPrices.Simulated.ContainsKey(model);
                Assert.True(published ^ simulated, $"{model}: published {published}, simulated {simulated}: a model is priced in exactly one place");
            }
            foreach (string model in TaskModels)
            {
                bool published = SimPrices.Published.ContainsKey(model);
                bool simulated = SimPrices.SimulatedTasks.Keys.Any(k => k == model || k.StartsWith(model + ":", StringComparison.Ordinal));
                Assert.True(published ^ simulated, $"{model}: published {published}, simulated {simulated}: a model is priced in exactly one place");
            }
        }

        [Fact]
        public void Every_price_row_belongs_to_a_listed_model()
        {
            string[] retired = SimCatalog.RetiredModels;
            Assert.Empty(SimPrices.Published.Keys.Except(SimCatalog.TierModels).Except(retired));
            Assert.Empty(SimPrices.Simulated.Keys.Except(SimCatalog.AllModels));
            string[] extras = { "recipe_audio" }; // a surcharge, not a model
            Assert.Empty(SimPrices.SimulatedTasks.Keys.Select(k => k.Split(':')[0]).Except(TaskModels).Except(extras));
        }

        [Fact]
        public void The_routers_models_are_the_simulators_models()
        {
            IEnumerable<string> routed = Routed.VideoModels.Concat(Routed.ImageModels).Concat(Routed.AudioModels).Select(m => m.Name);
            Assert.Empty(routed.Except(SimCatalog.AllModels));
            Assert.Subset(new HashSet<string>(SimCatalog.AllModels), new HashSet<string>(SimCatalog.RouterModels));
            Assert.Subset(new HashSet<string>(SimCatalog.TierModels), new HashSet<string>(SimCatalog.AllModels.Concat(TaskModels)));
        }

        [Fact]
        public void Every_model_of_the_module_is_served_by_the_simulator()
        {
            Assert.Empty(ModelCatalog.Models.Select(m => m.Name).Except(SimCatalog.TierModels));
        }

        public static TheoryData<string> ModuleModels()
        {
            var data = new TheoryData<string>();
            foreach (ModelInfo model in ModelCatalog.Models) data.Add(model.Name);
            return data;
        }

        [Theory]
        [MemberData(nameof(ModuleModels))]
        public void A_price_is_known_on_both_sides_or_on_neither_and_is_the_same(string name)
        {
            ModelInfo model = ModelCatalog.Models.First(m => m.Name == name);
            SimPrices.Published.TryGetValue(name, out SimPrice sim);
            if (!model.PriceKnown)
            {
                Assert.True(sim == null, $"{name}: the module says 'price unknown' but the simulator has a published price ({sim})");
                return;
            }
            Assert.True(sim != null, $"{name}: the module knows a price ({model.Price.Describe()}) that the simulator's Published table lacks");
            switch (model.Price)
            {
                case PerSecondPrice p:
                    Assert.Equal((SimUnit.Second, (double)p.Credits, (double?)p.CreditsWithoutAudio), (sim.Unit, sim.Credits, sim.WithoutAudio));
                    break;
                case PerImagePrice p:
                    Assert.Equal((SimUnit.Image, (double)p.Credits, (double?)p.LargeCredits), (sim.Unit, sim.Credits, sim.Large));
                    break;
                case PerCharactersPrice p:
                    Assert.Equal((SimUnit.Characters, 1.0, (double)p.Characters), (sim.Unit, sim.Credits, sim.Block));
                    break;
                case PerAudioSecondsPrice p:
                    Assert.Equal((SimUnit.AudioSeconds, 1.0, p.Seconds), (sim.Unit, sim.Credits, sim.Block));
                    break;
                case HdrPrice _:
                    Assert.Equal((SimUnit.Second, (double)HdrPrice.Credits, (double?)HdrPrice.LargeCredits), (sim.Unit, sim.Credits, sim.Large));
                    break;
                default:
                    Assert.Fail($"{name}: no comparison for {model.Price.GetType().Name}; add one here");
                    break;
            }
        }

        [Fact]
        public void The_output_format_surcharges_agree()
        {
            var gen45 = (PerSecondPrice)ModelCatalog.Models.First(m => m.Name == "gen4.5").Price;
            Assert.NotEmpty(gen45.FormatSurcharges);
            // gen4.5's outputs stay under 4 megapixels: 1280:720.
            foreach (KeyValuePair<string, decimal> surcharge in gen45.FormatSurcharges)
                Assert.Equal((surcharge.Key, (int)surcharge.Value), (surcharge.Key, SimPrices.FormatSurchargePerSecond(surcharge.Key, (1280, 720))));
        }
    }
}
