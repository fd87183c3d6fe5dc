using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes a choice parameter (-Resolution, -OutputFormat, -Quality...) with the values the catalog allows for the chosen models.</summary>
    public sealed class FieldValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string[] endpoints = CompletionContext.EndpointsFor(commandName, fakeBoundParameters);
            var rules = CompletionContext.ModelsFor(commandName, fakeBoundParameters)
                .SelectMany(m => m.Fields.Where(f => endpoints.Contains(f.Endpoint)).SelectMany(f => f.Fields).Select(f => (Model: m.Name, Rule: f)))
                .Where(p => string.Equals(p.Rule.Parameter, parameterName, StringComparison.OrdinalIgnoreCase) && p.Rule.Values.Length > 0)
                .ToArray();
            var byValue = rules.SelectMany(p => p.Rule.Values.Except(p.Rule.Deprecated).Select(v => (Value: v, p.Model)))
                .GroupBy(p => p.Value).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p.Model).Distinct()));
            return CompletionContext.Offer(byValue.Keys, wordToComplete, value => $"{value} ({byValue[value]})");
        }
    }

    /// <summary>Completes -Option keys: the fields of the chosen models that have no parameter of their own, written as "key=".</summary>
    public sealed class OptionKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string[] endpoints = CompletionContext.EndpointsFor(commandName, fakeBoundParameters);
            var rules = CompletionContext.ModelsFor(commandName, fakeBoundParameters)
                .SelectMany(m => m.Fields.Where(f => endpoints.Contains(f.Endpoint)).SelectMany(f => f.Fields).Where(f => f.Parameter == null).Select(f => (Model: m.Name, Rule: f)))
                .GroupBy(p => p.Rule.Json).ToDictionary(g => g.Key, g => $"{g.First().Rule.Describe()} ({string.Join(", ", g.Select(p => p.Model).Distinct())})");
            string prefix = (wordToComplete ?? string.Empty).TrimStart('@', '{', ' ');
            return rules.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderBy(k => k)
                .Select(k => new CompletionResult($"@{{ {k} = }}", k, CompletionResultType.ParameterValue, $"{k}: {rules[k]}"));
        }
    }
}
