using System.Linq;
using System.Text.Json;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    public class ModelListingTests
    {
        private static RunwayCredit Organization(string json) => RunwayCredit.FromJson(JsonDocument.Parse(json).RootElement);

        [Fact]
        public void Offline_every_catalog_model_is_listed_once_and_not_checked()
        {
            var rows = ModelListing.Build(null);
            Assert.Equal(ModelCatalog.Models.Select(m => m.Name), rows.Select(r => r.Name));
            Assert.All(rows, r => Assert.Equal(RunwayModel.NotChecked, r.Status));
            Assert.All(rows, r => Assert.Null(r.InTier));
        }

        [Fact]
        public void A_row_reads_its_facts_from_the_catalog()
        {
            ModelInfo gen45 = ModelCatalog.Find("gen4.5");
            RunwayModel row = ModelListing.Build(null).Single(r => r.Name == "gen4.5");
            Assert.Equal(gen45.Endpoints, row.Endpoints);
            Assert.Equal(new[] { "New-RunwayVideo" }, row.Cmdlets);
            Assert.Equal(gen45.Price.Describe(), row.Price);
            Assert.True(row.PriceKnown);
            Assert.Equal(gen45.Fields.Sum(f => f.Fields.Count), row.Fields.Length);
            RunwayModelField format = row.Fields.First(f => f.Name == "outputFormat");
            Assert.Equal("-OutputFormat", format.Syntax);
            Assert.Contains("prores", format.Values);
            Assert.False(ModelListing.Build(null).Single(r => r.Name == "hailuo3").PriceKnown);
            Assert.Equal("price unknown", ModelListing.Build(null).Single(r => r.Name == "hailuo3").Price);
        }

        [Fact]
        public void The_tier_is_merged_and_a_model_only_the_organization_lists_is_not_validated()
        {
            var organization = Organization(@"{""creditBalance"": 5, ""tier"": {""maxMonthlyCreditSpend"": 100, ""models"": {
                ""gen4.5"": {""maxConcurrentGenerations"": 3, ""maxDailyGenerations"": null},
                ""gen9"": {""maxConcurrentGenerations"": 1, ""maxDailyGenerations"": 10}}},
                ""usage"": {""models"": {""gen9"": {""dailyGenerations"": 4}}}}");
            var rows = ModelListing.Build(organization);
            RunwayModel gen45 = rows.Single(r => r.Name == "gen4.5");
            Assert.Equal(RunwayModel.Available, gen45.Status);
            Assert.Equal(3, gen45.MaxConcurrent);
            Assert.Null(gen45.MaxDaily);
            Assert.Null(gen45.UsedToday);
            Assert.Equal("3 at once, no daily limit", gen45.Limits);
            RunwayModel turbo = rows.Single(r => r.Name == "gen4_turbo");
            Assert.Equal(RunwayModel.NotInTier, turbo.Status);
            Assert.False(turbo.InTier);
            RunwayModel gen9 = rows.Single(r => r.Name == "gen9");
            Assert.False(gen9.Validated);
            Assert.Equal(RunwayModel.NotValidated, gen9.Status);
            Assert.Contains("-AllowUnknownModel", gen9.Hint);
            Assert.Equal(4, gen9.UsedToday);
            Assert.Equal(6, gen9.DailyLeft);
        }

        [Fact]
        public void Durations_come_from_the_catalog_rule_or_else_the_duration_fields()
        {
            var rows = ModelListing.Build(null);
            Assert.Equal("2–10 s (whole seconds)", rows.Single(r => r.Name == "gen4_turbo").Durations);
            Assert.Equal("length follows the input", rows.Single(r => r.Name == "act_two").Durations);
            Assert.Contains("or auto", rows.Single(r => r.Name == "seedance2").Durations);
            Assert.Null(rows.Single(r => r.Name == "gen4_image").Durations);
        }

        [Fact]
        public void A_retired_model_names_its_successor()
        {
            RunwayModel veo3 = ModelListing.Retired("VEO3");
            Assert.Equal("veo3", veo3.Name);
            Assert.True(veo3.Retired);
            Assert.Equal("veo3.1", veo3.Successor);
            Assert.Equal(RunwayModel.RetiredStatus, veo3.Status);
            Assert.DoesNotContain(ModelListing.Build(null), r => r.Retired);
        }
    }

    [Collection("SpendingGuard")]
    public class SpendingGuardTests
    {
        [Fact]
        public void The_final_charge_replaces_the_estimate_once()
        {
            SpendingGuard.ResetForTests();
            SpendingGuard.Reserve(60, "a task");
            SpendingGuard.Commit(60, "t1", 48);
            Assert.Equal(48, SpendingGuard.Spent);
            Assert.True(SpendingGuard.Settle("t1", 0));
            Assert.Equal(0, SpendingGuard.Spent);
            Assert.False(SpendingGuard.Settle("t1", 0));
            Assert.False(SpendingGuard.Settle("someone-elses-task", 30));
            Assert.Equal(0, SpendingGuard.Spent);
            SpendingGuard.ResetForTests();
        }

        [Fact]
        public void A_create_without_the_APIs_estimate_counts_the_modules()
        {
            SpendingGuard.ResetForTests();
            SpendingGuard.Reserve(25, "a task");
            SpendingGuard.Commit(25, "t2");
            Assert.Equal(25, SpendingGuard.Spent);
            SpendingGuard.Saw(new RunwayTask { Id = "t2", Status = RunwayTask.Running, Credits = 3 });
            Assert.Equal(25, SpendingGuard.Spent);
            SpendingGuard.Saw(new RunwayTask { Id = "t2", Status = RunwayTask.Succeeded, Credits = 20 });
            Assert.Equal(20, SpendingGuard.Spent);
            SpendingGuard.ResetForTests();
        }

        [Theory]
        [InlineData(0, 1, "has no published price")]
        [InlineData(0, 3, "includes 3 tasks with no published price")]
        [InlineData(40, 2, "would cost at least 40 credits ($0.40) for its priced part, plus 2 tasks with no published price")]
        [InlineData(40, 0, "would cost 40 credits ($0.40)")]
        public void A_refusal_says_only_what_is_known(int credits, int unpriced, string expected)
        {
            string text = SpendingGuard.RefusalText(credits, "a task", unpriced, 100);
            Assert.Contains(expected, text);
            if (unpriced > 0) Assert.DoesNotContain("would cost 0", text);
        }
    }
}
