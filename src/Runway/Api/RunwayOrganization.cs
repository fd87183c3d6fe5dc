using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>The organization's balance and tier, from GET /v1/organization.</summary>
    public sealed class RunwayCredit
    {
        public decimal CreditBalance { get; set; }
        /// <summary>The balance in US dollars (1 credit = $0.01).</summary>
        public decimal BalanceUsd => CreditBalance * Credits.UsdPerCredit;
        public decimal? MaxMonthlyCreditSpend { get; set; }
        public RunwayModelLimit[] Models { get; set; } = Array.Empty<RunwayModelLimit>();
        /// <summary>Estimated credits of the tasks created in this PowerShell session.</summary>
        public decimal SessionEstimatedSpend { get; set; }
        /// <summary>The session's spending cap (Connect-Runway -MaxCredits or $env:RUNWAY_MAX_CREDITS), if any.</summary>
        public decimal? SessionCreditCap { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }

        internal static RunwayCredit FromJson(JsonElement json)
        {
            var credit = new RunwayCredit { RetrievedAt = DateTimeOffset.Now };
            if (json.TryGetProperty("creditBalance", out JsonElement balance) && balance.ValueKind == JsonValueKind.Number)
                credit.CreditBalance = balance.GetDecimal();
            var limits = new SortedDictionary<string, RunwayModelLimit>(StringComparer.Ordinal);
            if (json.TryGetProperty("tier", out JsonElement tier) && tier.ValueKind == JsonValueKind.Object)
            {
                if (tier.TryGetProperty("maxMonthlyCreditSpend", out JsonElement spend) && spend.ValueKind == JsonValueKind.Number)
                    credit.MaxMonthlyCreditSpend = spend.GetDecimal();
                if (tier.TryGetProperty("models", out JsonElement models) && models.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty model in models.EnumerateObject())
                    {
                        RunwayModelLimit limit = LimitFor(limits, model.Name);
                        limit.MaxConcurrentGenerations = IntOf(model.Value, "maxConcurrentGenerations");
                        limit.MaxDailyGenerations = IntOf(model.Value, "maxDailyGenerations");
                    }
                }
            }
            if (json.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object
                && usage.TryGetProperty("models", out JsonElement used) && used.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty model in used.EnumerateObject())
                {
                    int? daily = IntOf(model.Value, "dailyGenerations");
                    RunwayModelLimit limit = LimitFor(limits, model.Name);
                    limit.DailyGenerations = daily ?? 0;
                    limit.DailyGenerationsReported = daily.HasValue;
                }
            }
            credit.Models = limits.Values.ToArray();
            return credit;
        }

        private static RunwayModelLimit LimitFor(SortedDictionary<string, RunwayModelLimit> limits, string model)
        {
            if (!limits.TryGetValue(model, out RunwayModelLimit limit))
                limits[model] = limit = new RunwayModelLimit { Model = model };
            return limit;
        }

        private static int? IntOf(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)
                ? i
                : (int?)null;
    }

    /// <summary>One model's limits in the tier and today's use of it.</summary>
    public sealed class RunwayModelLimit
    {
        // Every limit is read under its model's name (LimitFor).
        public string Model { get; set; } = null!;
        public int? MaxConcurrentGenerations { get; set; }
        public int? MaxDailyGenerations { get; set; }
        public int DailyGenerations { get; set; }
        /// <summary>True when the organization reported today's generations for the model (else <see cref="DailyGenerations"/> is 0 by default).</summary>
        public bool DailyGenerationsReported { get; set; }
        public int? DailyGenerationsLeft => MaxDailyGenerations.HasValue ? Math.Max(0, MaxDailyGenerations.Value - DailyGenerations) : (int?)null;
        public override string ToString() => Model;
    }

    /// <summary>Credits one model used on one day, from POST /v1/organization/usage: one row per pair, ready for Group-Object and Measure-Object.</summary>
    public sealed class RunwayUsageRecord
    {
        public DateTime Date { get; set; }
        public string? Model { get; set; }
        public decimal Credits { get; set; }
        public decimal Usd => Credits * Api.Credits.UsdPerCredit;

        internal static IEnumerable<RunwayUsageRecord> FromJson(JsonElement json)
        {
            if (!json.TryGetProperty("results", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
                yield break;
            foreach (JsonElement day in results.EnumerateArray())
            {
                string? dateText = RunwayTask.StringOf(day, "date");
                if (!DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime date))
                    continue;
                if (!day.TryGetProperty("usedCredits", out JsonElement used) || used.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (JsonElement entry in used.EnumerateArray())
                {
                    yield return new RunwayUsageRecord
                    {
                        Date = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified),
                        Model = RunwayTask.StringOf(entry, "model"),
                        Credits = entry.TryGetProperty("amount", out JsonElement amount) && amount.ValueKind == JsonValueKind.Number ? amount.GetDecimal() : 0m,
                    };
                }
            }
        }
    }
}

namespace Runway.Api
{
    /// <summary>Credits one API key used on one day, from the usage answer's resultsByApiKey (the SDK gives key ids only, no model).</summary>
    public sealed class RunwayApiKeyUsageRecord
    {
        public DateTime Date { get; set; }
        /// <summary>The API's id of the key (never the key: a value that looks like a secret is masked).</summary>
        public string? ApiKeyId { get; set; }
        public decimal Credits { get; set; }
        public decimal Usd => Credits * Api.Credits.UsdPerCredit;

        /// <summary>The rows of resultsByApiKey; null when the answer has no per-key breakdown.</summary>
        internal static IReadOnlyList<RunwayApiKeyUsageRecord>? FromJson(JsonElement json)
        {
            if (!json.TryGetProperty("resultsByApiKey", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
                return null;
            var rows = new List<RunwayApiKeyUsageRecord>();
            foreach (JsonElement day in results.EnumerateArray())
            {
                if (!DateTime.TryParse(RunwayTask.StringOf(day, "date"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime date))
                    continue;
                if (!day.TryGetProperty("usedCredits", out JsonElement used) || used.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (JsonElement entry in used.EnumerateArray())
                    rows.Add(new RunwayApiKeyUsageRecord
                    {
                        Date = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified),
                        ApiKeyId = SafeKeyId(RunwayTask.StringOf(entry, "apiKeyId")),
                        Credits = entry.TryGetProperty("amount", out JsonElement amount) && amount.ValueKind == JsonValueKind.Number ? amount.GetDecimal() : 0m,
                    });
            }
            return rows;
        }

        /// <summary>An id as the API gives it, unless it looks like a key (key_…, or a long unbroken token): then only its masked form.</summary>
        [return: NotNullIfNotNull("id")]
        internal static string? SafeKeyId(string? id)
        {
            if (Strings.IsEmpty(id)) return id;
            bool looksSecret = id.StartsWith("key_", StringComparison.OrdinalIgnoreCase) || (id.Length >= 64 && id.All(char.IsLetterOrDigit));
            return looksSecret ? RunwayConfiguration.MaskKey(id) : id;
        }
    }

    /// <summary>The usage answer: rows per day and model, and per day and API key when the API breaks it down.</summary>
    public sealed class RunwayUsageReport
    {
        public IReadOnlyList<RunwayUsageRecord> Models { get; set; } = Array.Empty<RunwayUsageRecord>();
        /// <summary>The answer's <c>models</c>: the models with usage in the range.</summary>
        public IReadOnlyList<string> ModelNames { get; set; } = Array.Empty<string>();
        /// <summary>The answer's <c>apiKeys</c> (ids, masked if they look like keys); null when absent ("reserved for future use").</summary>
        public IReadOnlyList<string>? ApiKeyIds { get; set; }
        /// <summary>Null when the API gave no per-key breakdown (the SDK declares it "reserved for future use").</summary>
        public IReadOnlyList<RunwayApiKeyUsageRecord>? ByApiKey { get; set; }
    }

    /// <summary>The API's unit of account.</summary>
    public static class Credits
    {
        public const decimal UsdPerCredit = 0.01m;
    }

    /// <summary>
    /// One usage answer as a whole (Get-RunwayUsage -Summary): the range, the answer's models and apiKeys arrays, and
    /// the credits the rows add up to.
    /// </summary>
    public sealed class RunwayUsageSummary
    {
        public DateTime StartDate { get; set; }
        /// <summary>First day not included.</summary>
        public DateTime BeforeDate { get; set; }
        /// <summary>The models with usage in the range (the answer's models).</summary>
        public string[] Models { get; set; } = Array.Empty<string>();
        /// <summary>The API keys with usage (the answer's apiKeys, which the SDK declares reserved for future use); null when absent.</summary>
        public string[]? ApiKeys { get; set; }
        /// <summary>The net credits of every row (refunds may make a day's amount negative).</summary>
        public decimal Credits { get; set; }
        public decimal Usd => Credits * Api.Credits.UsdPerCredit;
        /// <summary>Days with at least one row.</summary>
        public int Days { get; set; }

        public static RunwayUsageSummary From(RunwayUsageReport report, DateTime start, DateTime before) => new RunwayUsageSummary
        {
            StartDate = start,
            BeforeDate = before,
            Models = report.ModelNames.ToArray(),
            ApiKeys = report.ApiKeyIds?.ToArray(),
            Credits = report.Models.Sum(r => r.Credits),
            Days = report.Models.Select(r => r.Date).Distinct().Count(),
        };
    }
}
