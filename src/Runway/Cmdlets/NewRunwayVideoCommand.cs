using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Creates a video task: from an image (image to video), from text alone (text to video, Veo models), from
    /// a video (video to video, gen4_aleph), or a character driven by a reference performance (act_two).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RunwayVideo", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayVideo.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayVideoCommand : GenerationCmdlet
    {
        private const string ImageSet = "ImageToVideo";
        private const string TextSet = "TextToVideo";
        private const string VideoSet = "VideoToVideo";
        private const string CharacterSet = "CharacterPerformance";

        /// <summary>The first frame: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished image task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
        [Alias("PromptImage", "FirstFrame", "FullName")]
        [ValidateNotNull]
        public object Image { get; set; }

        /// <summary>The last frame (veo3.1 and veo3.1_fast).</summary>
        [Parameter(ParameterSetName = ImageSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public object LastFrame { get; set; }

        /// <summary>The video to transform (gen4_aleph).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
        [Alias("VideoUri")]
        [ValidateNotNull]
        public object Video { get; set; }

        /// <summary>An image to guide the video to video style (at most one).</summary>
        [Parameter(ParameterSetName = VideoSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public object ReferenceImage { get; set; }

        /// <summary>The character to animate: an image or a video (act_two).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
        [ValidateNotNull]
        public object Character { get; set; }

        /// <summary>A 3–30 s video of the performance to transfer (act_two).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
        [ValidateNotNull]
        public object Reference { get; set; }

        [Parameter(ParameterSetName = CharacterSet)]
        public SwitchParameter BodyControl { get; set; }

        /// <summary>1 (subtle) to 5 (strong); the API's default is 3.</summary>
        [Parameter(ParameterSetName = CharacterSet, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public int? ExpressionIntensity { get; set; }

        /// <summary>What should happen in the video (up to 1000 characters). Required for text to video and video to video.</summary>
        [Parameter(ParameterSetName = ImageSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TextSet, Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = VideoSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        [BlankAsNull]
        public string Prompt { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        public string Model { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        public string Ratio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public long? Seed { get; set; }

        /// <summary>Veo 3.1 models: -Audio:$false makes a silent, cheaper video. Default: with audio.</summary>
        [Parameter(ParameterSetName = ImageSet)]
        [Parameter(ParameterSetName = TextSet)]
        public SwitchParameter Audio { get; set; }

        [Parameter]
        [ValidateSet("auto", "low")]
        public string PublicFigureThreshold { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            object input = Image ?? Video ?? Character;
            var spec = new VideoSpec
            {
                Model = ModelFor(input, Model),
                Prompt = TypedUnlessFromTask(input, nameof(Prompt), Prompt),
                Ratio = Ratio,
                Duration = Duration,
                Seed = Seed,
                Audio = Bound(nameof(Audio)) ? Audio.IsPresent : (bool?)null,
                PublicFigureThreshold = PublicFigureThreshold,
            };
            switch (ParameterSetName)
            {
                case ImageSet when InputBinder.IsRecordWithoutMedia(Image, nameof(Image)):
                    // A piped record (a CSV row) with no image is a text-to-video shot.
                    spec.Endpoint = Endpoints.TextToVideo;
                    break;
                case ImageSet:
                    spec.Endpoint = Endpoints.ImageToVideo;
                    spec.Image = Media(Image, nameof(Image), MediaKind.Image);
                    spec.LastFrame = Media(LastFrame, nameof(LastFrame), MediaKind.Image);
                    break;
                case TextSet:
                    spec.Endpoint = Endpoints.TextToVideo;
                    break;
                case VideoSet:
                    spec.Endpoint = Endpoints.VideoToVideo;
                    spec.Video = Media(Video, nameof(Video), MediaKind.Video);
                    spec.ReferenceImage = Media(ReferenceImage, nameof(ReferenceImage), MediaKind.Image);
                    break;
                case CharacterSet:
                    spec.Endpoint = Endpoints.CharacterPerformance;
                    spec.Character = Media(Character, nameof(Character), MediaKind.Image, MediaKind.Video);
                    spec.Reference = Media(Reference, nameof(Reference), MediaKind.Video);
                    spec.BodyControl = Bound(nameof(BodyControl)) ? BodyControl.IsPresent : (bool?)null;
                    spec.ExpressionIntensity = ExpressionIntensity;
                    break;
            }
            GenerationRequest request = RequestBuilder.Video(spec);
            request.Source = InputBinder.Unwrap(input) ?? Prompt;
            return request;
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
