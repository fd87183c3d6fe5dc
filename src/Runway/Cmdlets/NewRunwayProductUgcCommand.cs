using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a product_ugc recipe task: a vertical user-generated-content ad of a character presenting a product.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayProductUgc", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayProductUgc.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayProductUgcCommand : RecipeCmdlet
    {
        /// <summary>The person who appears on camera (width / height 0.4–4).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Character")]
        [ValidateNotNull]
        public object CharacterImage { get; set; }

        /// <summary>The product being promoted (width / height 0.4–4).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Product", "FullName")]
        [ValidateNotNull]
        public object ProductImage { get; set; }

        /// <summary>What the product is, its key benefits, and what the script should mention.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public string ProductInfo { get; set; }

        /// <summary>Creative direction: tone, voice register, a message, or a whole dialog script.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Concept")]
        [BlankAsNull]
        public string UserConcept { get; set; }

        /// <summary>4–15 seconds (default 15).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        /// <summary>720:1280 or 1080:1920.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        public string Ratio { get; set; }

        /// <summary>Generate audio for the video (-Audio:$false asks for none).</summary>
        [Parameter]
        public SwitchParameter Audio { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ProductUgc(new ProductUgcSpec
            {
                Version = Version,
                CharacterImage = Media(CharacterImage, nameof(CharacterImage), MediaKind.Image),
                ProductImage = Media(ProductImage, nameof(ProductImage), MediaKind.Image),
                ProductInfo = ProductInfo,
                UserConcept = UserConcept,
                Duration = Duration,
                Ratio = Ratio,
                Audio = Flag(nameof(Audio), Audio),
            });
            request.Source = ProductImage;
            return request;
        }
    }
}
