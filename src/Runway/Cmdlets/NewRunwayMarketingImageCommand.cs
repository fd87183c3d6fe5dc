using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a marketing_stock_image recipe task: 1–4 marketing stock images from a brief and an optional brand logo.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayMarketingImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayMarketingImage.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayMarketingImageCommand : RecipeCmdlet
    {
        /// <summary>The brief: subject, audience, channel, mood, setting and constraints.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [TextInput(typeof(RunwayTask))]
        public string Prompt { get; set; } = null!;

        /// <summary>How many images (1–4; the API's default is 4); more images cost more.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        [WholeNumber]
        public int? OutputCount { get; set; }

        /// <summary>low, medium or high (the API's default): lower is faster and cheaper.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RecipeChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Quality { get; set; }

        /// <summary>A brand logo image to guide the images.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ReferenceImage", "LogoImage")]
        [BlankAsNull]
        public object? Logo { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.MarketingImage(new MarketingImageSpec
            {
                Version = Version,
                Prompt = Prompt,
                OutputCount = OutputCount,
                Quality = Quality,
                Logo = Media(Logo, nameof(Logo), MediaKind.Image),
            });
            request.Source = Prompt;
            return request;
        }
    }
}
