using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes Get-RunwayModel -Name with the catalog's models (narrowed by -Endpoint, -Cmdlet and -Kind when typed) and the retired names.</summary>
    public sealed class CatalogModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<ModelInfo> models = ModelCatalog.Models;
            string[] endpoints = Words(fakeBoundParameters, "Endpoint");
            string[] cmdlets = Words(fakeBoundParameters, "Cmdlet");
            if (endpoints.Length > 0) models = models.Where(m => m.Endpoints.Any(e => endpoints.Contains(e, StringComparer.OrdinalIgnoreCase)));
            if (cmdlets.Length > 0)
                models = models.Where(m => ModelCatalog.EndpointTable.Any(e => m.ServesEndpoint(e.Name) && cmdlets.Contains(e.Cmdlet, StringComparer.OrdinalIgnoreCase)));
            var tips = models.ToDictionary(m => m.Name, m => $"{m.Name}: {m.Summary} {m.Price.Describe()}.", StringComparer.OrdinalIgnoreCase);
            if (endpoints.Length == 0 && cmdlets.Length == 0)
                foreach (var retired in ModelCatalog.Retired) tips[retired.Key] = $"{retired.Key}: retired, replaced by {retired.Value}.";
            return CompletionContext.Offer(tips.Keys, wordToComplete, name => tips[name]);
        }

        internal static string[] Words(IDictionary bound, string name)
        {
            if (bound == null || !bound.Contains(name) || bound[name] == null) return Array.Empty<string>();
            object value = bound[name] is PSObject ps ? ps.BaseObject : bound[name];
            return value is IEnumerable list && !(value is string) ? list.Cast<object>().Select(v => v?.ToString()).OfType<string>().ToArray() : new[] { value.ToString() };
        }
    }

    /// <summary>Completes -Endpoint with the catalog's task endpoints.</summary>
    public sealed class EndpointCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(ModelCatalog.EndpointTable.Select(e => e.Name), wordToComplete,
                name => $"/v1/{name} ({ModelCatalog.EndpointTable.First(e => e.Name == name).Cmdlet})");
    }

    /// <summary>Completes -Cmdlet with the cmdlets that create tasks.</summary>
    public sealed class TaskCmdletCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(ModelCatalog.EndpointTable.Select(e => e.Cmdlet), wordToComplete);
    }
}
