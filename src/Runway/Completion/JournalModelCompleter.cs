using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Completion
{
    /// <summary>Completes Get-RunwayTask -Model with the models of recent journal tasks first, then every model of the catalog.</summary>
    public sealed class JournalModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> used;
            try
            {
                used = TaskJournal.ReadRecent(256 * 1024).Select(r => r.Model).OfType<string>().Where(m => m.Length > 0).ToList();
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                used = Array.Empty<string>();
            }
            return CompletionContext.Offer(used.Concat(ModelCatalog.Models.Select(m => m.Name)), wordToComplete);
        }
    }
}
