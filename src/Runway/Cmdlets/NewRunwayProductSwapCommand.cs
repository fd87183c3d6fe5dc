using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a product_swap recipe task: the product in a reference video replaced by a new one.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayProductSwap", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayProductSwap.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayProductSwapCommand : RecipeCmdlet
    {
        /// <summary>The video showing the product to replace (1.8–15 seconds).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Video", "FullName")]
        [ValidateNotNull]
        public object ReferenceVideo { get; set; } = null!;

        /// <summary>An image of the product being swapped out.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object OriginalProductImage { get; set; } = null!;

        /// <summary>1–10 images of the new product; label views with @{ Uri = 'side.png'; View = 'side' } (front, side, back).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NewProductImages")]
        [ValidateNotNullOrEmpty]
        public object[] NewProductImage { get; set; } = null!;

        /// <summary>4–15 seconds (default 10).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        /// <summary>720p (the API's default) or 1080p.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RecipeChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Resolution { get; set; }

        /// <summary>Generate audio for the video (-Audio:$false asks for none).</summary>
        [Parameter]
        public SwitchParameter Audio { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ProductSwap(new ProductSwapSpec
            {
                Version = Version,
                ReferenceVideo = Media(ReferenceVideo, nameof(ReferenceVideo), MediaKind.Video),
                OriginalProductImage = Media(OriginalProductImage, nameof(OriginalProductImage), MediaKind.Image),
                NewProductImages = ViewImages(NewProductImage, nameof(NewProductImage), RecipeCatalog.ProductSwap),
                Duration = Duration,
                Resolution = Resolution,
                Audio = Flag(nameof(Audio), Audio),
            });
            request.Source = ReferenceVideo;
            return request;
        }
    }
}
