using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes the recipes' choices (-Version, -Language, -Quality, -Mode, -Resolution) from the recipe catalog.</summary>
    public sealed class RecipeChoiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? recipe = ModelCatalog.EndpointsOf(commandName).Select(e => RecipeCatalog.RecipeOf(e.Name)).FirstOrDefault(r => r != null);
            switch (parameterName)
            {
                case "Version" when recipe != null:
                    string preferred = RecipeCatalog.DefaultVersion(recipe);
                    return CompletionContext.Offer(RecipeCatalog.Versions[recipe], wordToComplete,
                        v => v == preferred ? v + " (the default)" : v == RecipeCatalog.UnsafeLatest ? v + ": the newest stable version, may change without notice" : v);
                case "Language":
                    var names = RecipeCatalog.Languages.ToDictionary(l => l.Key, l => l.Value);
                    return CompletionContext.Offer(names.Keys, wordToComplete, code => $"{code}: {names[code]}");
                case "Quality":
                    return CompletionContext.Offer(RecipeCatalog.Qualities, wordToComplete, q => q == "high" ? "high (the default)" : q);
                case "Mode":
                    return CompletionContext.Offer(RecipeCatalog.MultiShotModes, wordToComplete, m => m == "auto" ? "auto: five shots from -Prompt" : "custom: the shots of -Shot");
                case "Resolution":
                    return CompletionContext.Offer(RecipeCatalog.SwapResolutions, wordToComplete, r => r == "720p" ? "720p (the default)" : r);
            }
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
