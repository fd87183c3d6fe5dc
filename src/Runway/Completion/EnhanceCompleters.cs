using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>Completes the upscaling, frame-rate and HDR choices (-Flavor, -ScaleFactor, -Resolution, -TargetFrameRate, -OutputFormat, -ProResProfile) from the catalog.</summary>
    public sealed class EnhanceChoiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool image = string.Equals(commandName, "New-RunwayImageUpscale", System.StringComparison.OrdinalIgnoreCase);
            switch (parameterName)
            {
                case "Flavor":
                    return CompletionContext.Offer(image ? EnhanceCatalog.ImageFlavors : EnhanceCatalog.VideoFlavors, wordToComplete);
                case "ScaleFactor":
                    return CompletionContext.Offer(EnhanceCatalog.ScaleFactors.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)), wordToComplete, f => $"×{f} (output at most {EnhanceCatalog.MaxUpscaledPixels:N0} px)");
                case "Resolution":
                    return CompletionContext.Offer(EnhanceCatalog.VideoResolutions, wordToComplete);
                case "TargetFrameRate":
                    return CompletionContext.Offer(EnhanceCatalog.FrameRates, wordToComplete, r => r.Replace('_', '.') + " fps");
                case "OutputFormat":
                    var formats = EnhanceCatalog.HdrFormats.ToDictionary(f => f.Key, f => f.Value);
                    return CompletionContext.Offer(formats.Keys, wordToComplete, f => $"{f}: {formats[f]}");
                case "ProResProfile":
                    return CompletionContext.Offer(EnhanceCatalog.ProResProfiles, wordToComplete, p => "ProRes " + p);
            }
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
