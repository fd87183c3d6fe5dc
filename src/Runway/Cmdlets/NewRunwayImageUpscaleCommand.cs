using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an image upscaling task (magnific_precision_upscaler_v2): the image enlarged 2, 4, 8 or 16 times.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayImageUpscale", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayImageUpscale.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayImageUpscaleCommand : GenerationCmdlet
    {
        /// <summary>The image: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished image task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageUri", "FullName")]
        [ValidateNotNull]
        public object Image { get; set; } = null!;

        /// <summary>2 (the default), 4, 8 or 16; the output may have at most 25,300,000 pixels.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [WholeNumber]
        public int? ScaleFactor { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Flavor { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? Sharpen { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? SmartGrain { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? UltraDetail { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ImageUpscale(new ImageUpscaleSpec
            {
                Model = ModelFor(Image, Model),
                Image = Media(Image, nameof(Image), MediaKind.Image),
                ScaleFactor = ScaleFactor,
                Flavor = Flavor,
                Sharpen = Sharpen,
                SmartGrain = SmartGrain,
                UltraDetail = UltraDetail,
            });
            request.Source = Image;
            return request;
        }
    }
}
