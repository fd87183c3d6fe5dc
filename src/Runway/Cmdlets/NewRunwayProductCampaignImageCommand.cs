using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a product_campaign_image recipe task: four fashion campaign images of a product from a style brief.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayProductCampaignImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayProductCampaignImage.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayProductCampaignImageCommand : RecipeCmdlet
    {
        /// <summary>The product image to keep across the campaign: a path, FileInfo, URL, upload or finished image task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNull]
        public object Image { get; set; } = null!;

        /// <summary>The style or creative brief of the campaign.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [TextInput]
        public string Prompt { get; set; } = null!;

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ProductCampaignImage(new ProductCampaignImageSpec
            {
                Version = Version,
                Image = Media(Image, nameof(Image), MediaKind.Image),
                Prompt = TypedUnlessFromTask(Image, nameof(Prompt), Prompt),
            });
            request.Source = Image;
            return request;
        }
    }
}
