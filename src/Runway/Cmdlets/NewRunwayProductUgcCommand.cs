using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a product_ugc recipe task: a vertical user-generated-content ad of a character presenting a product.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayProductUgc", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayProductUgc.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayProductUgcCommand : RecipeAdCmdlet
    {
        /// <summary>The person who appears on camera (width / height 0.4–4).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Character")]
        [ValidateNotNull]
        public object CharacterImage { get; set; } = null!;

        /// <summary>The product being promoted (width / height 0.4–4).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Product", "FullName")]
        [ValidateNotNull]
        public object ProductImage { get; set; } = null!;

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ProductUgc(WithAdSettings(new ProductUgcSpec
            {
                CharacterImage = Media(CharacterImage, nameof(CharacterImage), MediaKind.Image),
                ProductImage = Media(ProductImage, nameof(ProductImage), MediaKind.Image),
            }));
            request.Source = ProductImage;
            return request;
        }
    }
}
