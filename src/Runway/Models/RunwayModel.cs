using System;
using System.Collections.Generic;
using System.Linq;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>
    /// One model as Get-RunwayModel shows it: the catalog's facts (read from <see cref="ModelCatalog"/>, never copied)
    /// merged with the organization's tier limits for it, when they were read.
    /// </summary>
    public sealed class RunwayModel
    {
        public const string Available = "available";
        public const string NotInTier = "not in tier";
        public const string NotChecked = "not checked";
        public const string NotValidated = "not validated locally";
        public const string RetiredStatus = "retired";

        // Name, Price and Status: ModelListing sets them on every row it builds.
        public string Name { get; set; } = null!;
        /// <summary>What it makes (a MediaKind name: text, so that ConvertTo-Json names it); null for a model only the organization lists.</summary>
        public string? Kind { get; set; }
        /// <summary>Null for a model only the organization lists.</summary>
        public string? Summary { get; set; }
        public string[] Endpoints { get; set; } = Array.Empty<string>();
        public string[] Cmdlets { get; set; } = Array.Empty<string>();
        /// <summary>Endpoints on which this model is used when -Model is not given.</summary>
        public string[] DefaultOn { get; set; } = Array.Empty<string>();
        public string[] Ratios { get; set; } = Array.Empty<string>();
        public string? DefaultRatio { get; set; }
        /// <summary>Allowed durations in words ("2–10 s (whole seconds)", "length follows the input"), or null.</summary>
        public string? Durations { get; set; }
        public double? DefaultDuration { get; set; }
        public string Price { get; set; } = null!;
        public bool PriceKnown { get; set; }
        public RunwayModelField[] Fields { get; set; } = Array.Empty<RunwayModelField>();
        /// <summary>False for a model the organization lists but this module's catalog does not know.</summary>
        public bool Validated { get; set; } = true;
        public bool Retired { get; set; }
        public string? Successor { get; set; }

        /// <summary>available, not in tier, not checked (offline), not validated locally, or retired.</summary>
        public string Status { get; set; } = null!;
        /// <summary>True when the organization's tier lists the model; null when the organization was not read.</summary>
        public bool? InTier { get; set; }
        public int? MaxConcurrent { get; set; }
        /// <summary>Generations allowed per day; null when unlimited (or not read: see <see cref="InTier"/>).</summary>
        public int? MaxDaily { get; set; }
        /// <summary>Generations today, when the organization reports them.</summary>
        public int? UsedToday { get; set; }
        public int? DailyLeft => MaxDaily.HasValue && UsedToday.HasValue ? Math.Max(0, MaxDaily.Value - UsedToday.Value) : (int?)null;
        /// <summary>What to do with the model, when that is not obvious (retired, unvalidated, not in the tier).</summary>
        public string? Hint { get; set; }

        /// <summary>The tier limits in a few words, for the table.</summary>
        public string Limits
        {
            get
            {
                if (InTier != true) return Status;
                string concurrent = MaxConcurrent.HasValue ? $"{MaxConcurrent} at once" : "any at once";
                string daily = MaxDaily.HasValue ? $"{MaxDaily}/day" : "no daily limit";
                return $"{concurrent}, {daily}" + (UsedToday.HasValue ? $" ({UsedToday} used)" : string.Empty);
            }
        }

        public override string ToString() => Name;
    }

    /// <summary>One field a model takes on one endpoint: how to give it and what it allows (a view of a <see cref="FieldRule"/>).</summary>
    public sealed class RunwayModelField
    {
        // Model, Endpoint, Name, Syntax, Kind and Allowed: ModelListing.Field sets them on every field.
        public string Model { get; set; } = null!;
        public string Endpoint { get; set; } = null!;
        /// <summary>The field's JSON name.</summary>
        public string Name { get; set; } = null!;
        /// <summary>The cmdlet parameter that carries it, or null for an -Option key.</summary>
        public string? Parameter { get; set; }
        /// <summary>How to give it: "-Ratio" or "-Option @{ mode = ... }".</summary>
        public string Syntax { get; set; } = null!;
        /// <summary>A FieldKind name: text, so that ConvertTo-Json names it.</summary>
        public string Kind { get; set; } = null!;
        public bool Required { get; set; }
        /// <summary>The allowed values of a choice (deprecated ones left out), else empty.</summary>
        public string[] Values { get; set; } = Array.Empty<string>();
        /// <summary>What is allowed, in words.</summary>
        public string Allowed { get; set; } = null!;
        public string? Default { get; set; }
        /// <summary>The declaration's own sentence about the field, when it has one.</summary>
        public string? Note { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>Builds <see cref="RunwayModel"/> rows from the catalog and, when read, the organization (pure: unit-tested without PowerShell).</summary>
    public static class ModelListing
    {
        public const string UnknownModelHint = "Not in the module's catalog: usable with -AllowUnknownModel on the cmdlet of its endpoint, sent without local checks; its cost is known only from the API's estimatedCost.";

        /// <summary>
        /// Every catalog model, then every model the organization lists that the catalog lacks (not validated locally).
        /// Retired models are left out (see <see cref="Retired"/>). <paramref name="organization"/> null: not read.
        /// </summary>
        public static IReadOnlyList<RunwayModel> Build(RunwayCredit? organization)
        {
            var limits = (organization?.Models ?? Array.Empty<RunwayModelLimit>())
                .GroupBy(l => l.Model, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var rows = ModelCatalog.Models.Select(m => FromCatalog(m, organization, limits)).ToList();
            foreach (RunwayModelLimit limit in limits.Values)
            {
                if (ModelCatalog.Find(limit.Model) != null) continue;
                if (ModelCatalog.Retired.ContainsKey(limit.Model))
                {
                    RunwayModel retired = Retired(limit.Model);
                    ApplyLimit(retired, limit);
                    rows.Add(retired);
                    continue;
                }
                var unknown = new RunwayModel
                {
                    Name = limit.Model, Validated = false, Status = RunwayModel.NotValidated, Price = new UnknownPrice().Describe(), Hint = UnknownModelHint,
                };
                ApplyLimit(unknown, limit);
                rows.Add(unknown);
            }
            return rows;
        }

        /// <summary>A retired model's row: no longer served, with the model that replaced it.</summary>
        public static RunwayModel Retired(string name)
        {
            string key = ModelCatalog.Retired.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            string successor = ModelCatalog.Retired[key];
            ModelInfo? next = ModelCatalog.Find(successor);
            return new RunwayModel
            {
                Name = key, Kind = next?.Output.ToString(), Retired = true, Successor = successor, Status = RunwayModel.RetiredStatus,
                Summary = $"No longer served by the API; replaced by {successor}.",
                Endpoints = next?.Endpoints ?? Array.Empty<string>(), Cmdlets = CmdletsOf(next),
                Price = new UnknownPrice().Describe(),
                Hint = $"Use -Model {successor} instead.",
            };
        }

        private static RunwayModel FromCatalog(ModelInfo model, RunwayCredit? organization, Dictionary<string, RunwayModelLimit> limits)
        {
            var row = new RunwayModel
            {
                Name = model.Name,
                Kind = model.Output.ToString(),
                Summary = model.Summary,
                Endpoints = model.Endpoints,
                Cmdlets = CmdletsOf(model),
                DefaultOn = ModelCatalog.EndpointTable.Where(e => e.DefaultModel == model.Name).Select(e => e.Name).ToArray(),
                Ratios = model.Ratios,
                DefaultRatio = model.DefaultRatio,
                Durations = model.DurationFromInput ? "length follows the input" : model.Duration?.Describe() ?? DurationFields(model),
                DefaultDuration = model.DurationFromInput ? null : model.DefaultDurationSeconds ?? model.Duration?.Default,
                Price = model.Price.Describe(),
                PriceKnown = model.PriceKnown,
                Fields = model.Fields.SelectMany(f => f.Fields.Select(rule => Field(model.Name, f.Endpoint, rule))).ToArray(),
                Status = organization == null ? RunwayModel.NotChecked : RunwayModel.NotInTier,
            };
            if (organization != null)
            {
                row.InTier = false;
                if (limits.TryGetValue(model.Name, out RunwayModelLimit limit)) ApplyLimit(row, limit);
                else row.Hint = "The organization's tier does not list this model.";
            }
            return row;
        }

        /// <summary>What the duration fields allow when the catalog has no single duration rule (a range without a maximum, per endpoint).</summary>
        private static string? DurationFields(ModelInfo model)
        {
            string Text(FieldRule f) => f.Kind == FieldKind.Choice ? string.Join(", ", f.Values) + " s"
                : (f.Max.HasValue ? $"{FieldRule.Format(f.Min ?? 0)}–{FieldRule.Format(f.Max.Value)} s" : $"more than {FieldRule.Format(f.Min ?? 0)} s")
                  + (f.Kind == FieldKind.NumberOrAuto ? " or auto" : string.Empty);
            string[] rules = model.Fields.SelectMany(f => f.Fields).Where(f => f.Json == "duration").Select(Text).Distinct().ToArray();
            return rules.Length == 0 ? null : string.Join("; ", rules);
        }

        private static void ApplyLimit(RunwayModel row, RunwayModelLimit limit)
        {
            row.InTier = true;
            if (row.Validated && !row.Retired) row.Status = RunwayModel.Available;
            row.MaxConcurrent = limit.MaxConcurrentGenerations;
            row.MaxDaily = limit.MaxDailyGenerations;
            row.UsedToday = limit.DailyGenerationsReported ? limit.DailyGenerations : (int?)null;
        }

        private static string[] CmdletsOf(ModelInfo? model) =>
            model == null ? Array.Empty<string>()
                : ModelCatalog.EndpointTable.Where(e => model.ServesEndpoint(e.Name)).Select(e => e.Cmdlet).Distinct().ToArray();

        private static RunwayModelField Field(string model, string endpoint, FieldRule rule) => new RunwayModelField
        {
            Model = model,
            Endpoint = endpoint,
            Name = rule.Json,
            Parameter = rule.Parameter,
            Syntax = rule.Syntax,
            Kind = rule.Kind.ToString(),
            Required = rule.Required,
            Values = rule.Kind == FieldKind.Choice || rule.Kind == FieldKind.ContentModeration ? rule.Values.Except(rule.Deprecated).ToArray() : Array.Empty<string>(),
            Allowed = rule.Describe(),
            Default = rule.Default,
            Note = rule.Note,
        };
    }
}
