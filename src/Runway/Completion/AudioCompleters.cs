using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes -Voice with the catalog's Runway preset voices.</summary>
    public sealed class VoiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(ModelCatalog.VoicePresets, wordToComplete, voice => $"Runway preset voice {voice}");
    }

    /// <summary>Completes -TargetLanguage with the catalog's dubbing language codes, named in the tooltip.</summary>
    public sealed class LanguageCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(ModelCatalog.DubbingLanguages, wordToComplete, code => $"{code}: {RequestBuilder.LanguageName(code)}");
    }
}
