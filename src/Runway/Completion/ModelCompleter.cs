using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Shared by the completers: which endpoint and model the command line typed so far points at.</summary>
    internal static class CompletionContext
    {
        /// <summary>The endpoints this command can reach given the parameters already typed (from the catalog's endpoint table).</summary>
        public static string[] EndpointsFor(string commandName, IDictionary? bound)
        {
            EndpointInfo[] endpoints = ModelCatalog.EndpointsOf(commandName).ToArray();
            if (endpoints.Length == 0)
                return ModelCatalog.Models.SelectMany(m => m.Endpoints).Distinct().ToArray();
            EndpointInfo selected = endpoints.FirstOrDefault(e => e.SelectedBy.Any(p => Has(bound, p)));
            return selected != null ? new[] { selected.Name } : endpoints.Select(e => e.Name).ToArray();
        }

        /// <summary>The typed -Model if any, else every model those endpoints serve.</summary>
        public static IEnumerable<ModelInfo> ModelsFor(string commandName, IDictionary bound)
        {
            if (bound != null && bound.Contains("Model") && ModelCatalog.Find(bound["Model"]?.ToString()) is ModelInfo typed)
                return new[] { typed };
            string[] endpoints = EndpointsFor(commandName, bound);
            return ModelCatalog.Models.Where(m => m.Endpoints.Intersect(endpoints).Any());
        }

        public static IEnumerable<CompletionResult> Offer(IEnumerable<string> values, string wordToComplete, Func<string, string>? tooltip = null)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values.Distinct()
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, tooltip?.Invoke(v) ?? v));
        }

        private static readonly char[] Special = { ' ', ':', '$', '@', '\'' };

        private static string Quote(string value) => value.IndexOfAny(Special) >= 0 && value.Contains(" ") ? "'" + value + "'" : value;

        private static bool Has(IDictionary? bound, string name) => bound != null && bound.Contains(name);
    }

    /// <summary>Completes -Model with the models the command (and the parameters typed so far) can use.</summary>
    public sealed class ModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var bound = new Hashtable();
            if (fakeBoundParameters != null)
                foreach (DictionaryEntry entry in fakeBoundParameters)
                    if (!string.Equals(entry.Key?.ToString(), "Model", StringComparison.OrdinalIgnoreCase)) bound[entry.Key] = entry.Value;
            var models = CompletionContext.ModelsFor(commandName, bound).ToDictionary(m => m.Name);
            return CompletionContext.Offer(models.Keys, wordToComplete, name => $"{name}: {models[name].Summary} {models[name].Price.Describe()}.");
        }
    }

    /// <summary>Completes -Ratio with the ratios of the chosen model (or of every model the command can use).</summary>
    public sealed class RatioCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(CompletionContext.ModelsFor(commandName, fakeBoundParameters).SelectMany(m => m.Ratios), wordToComplete,
                ratio => ModelCatalog.TryParseRatio(ratio, out int w, out int h) ? $"{w} × {h} px" : ratio);
    }

    /// <summary>Completes -Duration with the durations the chosen model accepts.</summary>
    public sealed class DurationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(CompletionContext.ModelsFor(commandName, fakeBoundParameters)
                    .Where(m => m.Duration != null && !m.DurationFromInput)
                    .SelectMany(m => m.Duration!.Suggestions()).OrderBy(v => v).Select(DurationRule.Format),
                wordToComplete, value => value + " seconds");
    }
}

namespace Runway.Completion
{
    /// <summary>Completes task ids with the newest tasks of the journal, showing what each one was.</summary>
    public sealed class TaskIdCompleter : IArgumentCompleter
    {
        public const int Offered = 20;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IReadOnlyList<Tasks.JournalRecord> records;
            try
            {
                records = Tasks.TaskJournal.ReadRecent(256 * 1024);
            }
            catch (System.IO.IOException)
            {
                yield break;
            }
            foreach (Tasks.JournalRecord record in records.Where(r => !r.Deleted && r.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(Offered))
            {
                string tip = $"{record.CreatedAt.LocalDateTime:yyyy-MM-dd HH:mm} {record.Model} {record.Status}: {record.Prompt}";
                yield return new CompletionResult(record.Id, record.Id, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
