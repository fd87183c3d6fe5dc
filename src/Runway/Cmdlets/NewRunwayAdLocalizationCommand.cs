using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an ad_localization recipe task: an ad image adapted for a target language.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayAdLocalization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayAdLocalization.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayAdLocalizationCommand : RecipeCmdlet
    {
        /// <summary>The ad image: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished image task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ReferenceImage", "FullName")]
        [ValidateNotNull]
        public object Image { get; set; } = null!;

        /// <summary>The target language's code (ja, es, zh-Hant, ...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetLanguage")]
        [ArgumentCompleter(typeof(RecipeChoiceCompleter))]
        [ValidateNotNullOrEmpty]
        [TextInput]
        public string Language { get; set; } = null!;

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.AdLocalization(new AdLocalizationSpec
            {
                Version = Version,
                Image = Media(Image, nameof(Image), MediaKind.Image),
                Language = Language,
            });
            request.Source = Image;
            return request;
        }
    }
}
