using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Creates a video upscaling task (magnific_video_upscaler_creative: 720p to 4k) or, with -TargetFrameRate, a
    /// frame-rate conversion (enhance_frame_rate); both are the API's video upscale endpoint.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RunwayVideoUpscale", DefaultParameterSetName = UpscaleSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayVideoUpscale.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayVideoUpscaleCommand : GenerationCmdlet
    {
        private const string UpscaleSet = "Upscale";
        private const string FrameRateSet = "FrameRate";

        /// <summary>The video: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished video task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoUri", "FullName")]
        [ValidateNotNull]
        public object Video { get; set; } = null!;

        /// <summary>720p, 1k, 2k (the API's default) or 4k.</summary>
        [Parameter(ParameterSetName = UpscaleSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Resolution { get; set; }

        [Parameter(ParameterSetName = UpscaleSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Flavor { get; set; }

        [Parameter(ParameterSetName = UpscaleSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? Creativity { get; set; }

        [Parameter(ParameterSetName = UpscaleSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? Sharpen { get; set; }

        [Parameter(ParameterSetName = UpscaleSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public double? SmartGrain { get; set; }

        [Parameter(ParameterSetName = UpscaleSet)]
        public SwitchParameter FpsBoost { get; set; }

        /// <summary>The frame rate to convert to (enhance_frame_rate): 24, 25, 30, 48, 50, 60, 120, 23.98, 29.97 or 59.94.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameRateSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FrameRate", "Fps")]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [TextInput]
        public string? TargetFrameRate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.VideoUpscale(new VideoUpscaleSpec
            {
                Model = ModelFor(Video, Model),
                Video = Media(Video, nameof(Video), MediaKind.Video),
                Resolution = Resolution,
                Flavor = Flavor,
                Creativity = Creativity,
                Sharpen = Sharpen,
                SmartGrain = SmartGrain,
                FpsBoost = MyInvocation.BoundParameters.ContainsKey(nameof(FpsBoost)) ? FpsBoost.IsPresent : (bool?)null,
                TargetFrameRate = ParameterSetName == FrameRateSet ? TargetFrameRate : null,
            });
            request.Source = Video;
            return request;
        }
    }
}
