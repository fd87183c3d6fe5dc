using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes -Model from the catalog.</summary>
    public sealed class ModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ModelCatalog.Models
                .Where(m => m.Name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(m => new CompletionResult(m.Name, m.Name, CompletionResultType.ParameterValue, $"{m.Name}: {m.Summary} {m.Price.Describe()}"));
        }
    }
}
