using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a product_ad recipe task: a cinematic product ad video from 1–10 product images and up to 4 style images.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayProductAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayProductAd.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayProductAdCommand : RecipeAdCmdlet
    {
        /// <summary>1–10 images of the product (angles of the same product; the first is the primary reference).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProductImages", "FullName")]
        [ValidateNotNullOrEmpty]
        public object[] ProductImage { get; set; } = null!;

        /// <summary>Up to 4 style images: lighting, palette, mood (a moodboard when several).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StyleImages")]
        [BlankAsNull]
        public object[]? StyleImage { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ProductAd(WithAdSettings(new ProductAdSpec
            {
                ProductImages = MediaList(ProductImage, nameof(ProductImage), MediaKind.Image),
                StyleImages = MediaList(StyleImage, nameof(StyleImage), MediaKind.Image),
            }));
            request.Source = ProductImage.Length == 1 ? ProductImage[0] : ProductImage;
            return request;
        }
    }
}
