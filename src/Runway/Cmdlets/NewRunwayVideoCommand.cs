using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Creates a video task: from an image (image to video), from text alone (text to video), from a video (video to
    /// video: aleph2, seedance, hailuo3, gemini), or a character driven by a reference performance (act_two). Every
    /// field of the chosen model is checked against the catalog (the SDK's declarations) before anything is sent.
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
        private static readonly string[] CharacterKeys = { "Type" };

        /// <summary>The first frame: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished image task; several images are reference images (seedance, hailuo3, wan3).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
        [Alias("PromptImage", "FirstFrame", "FullName")] [ValidateNotNull]
        public object? Image { get; set; }

        /// <summary>The last frame (veo3.1, veo3.1_fast, seedance, hailuo3, wan3, gemini_omni_flash_1.1, h3_max).</summary>
        [Parameter(ParameterSetName = ImageSet, ValueFromPipelineByPropertyName = true)] [BlankAsNull]
        public object? LastFrame { get; set; }

        /// <summary>The video to transform (aleph2, seedance, hailuo3, gemini_omni_flash).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)] [Alias("VideoUri")] [ValidateNotNull]
        public object? Video { get; set; }

        /// <summary>Image references (text to video and video to video): paths, URLs, uploads or finished tasks.</summary>
        [Parameter(ParameterSetName = VideoSet, ValueFromPipelineByPropertyName = true)] [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Alias("References")] [BlankAsNull]
        public object[]? ReferenceImage { get; set; }

        /// <summary>Audio references (seedance, hailuo3, wan3, grok_imagine_1_5).</summary>
        [Parameter(ParameterSetName = ImageSet)] [Parameter(ParameterSetName = TextSet)] [Parameter(ParameterSetName = VideoSet)]
        public object[]? ReferenceAudio { get; set; }

        /// <summary>Video references (seedance, hailuo3, wan3, gemini_omni_flash_1.1).</summary>
        [Parameter(ParameterSetName = ImageSet)] [Parameter(ParameterSetName = TextSet)] [Parameter(ParameterSetName = VideoSet)]
        public object[]? ReferenceVideo { get; set; }

        /// <summary>aleph2: timed guidance images, @{ Uri = 'f.png'; Seconds = 2 } or @{ Uri = ...; At = 0.5 }, optionally Start/End.</summary>
        [Parameter(ParameterSetName = VideoSet)]
        public object[]? Keyframe { get; set; }

        /// <summary>The character to animate: an image or a video (act_two); @{ Uri = '…'; Type = 'video' } where the URL does not show which.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)] [ValidateNotNull]
        public object? Character { get; set; }

        /// <summary>A 3–30 s video of the performance to transfer (act_two).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)] [ValidateNotNull]
        public object? Reference { get; set; }

        [Parameter(ParameterSetName = CharacterSet)]
        public SwitchParameter BodyControl { get; set; }

        /// <summary>1 (subtle) to 5 (strong); the API's default is 3.</summary>
        [Parameter(ParameterSetName = CharacterSet, ValueFromPipelineByPropertyName = true)] [BlankAsNull]
        [WholeNumber]
        public int? ExpressionIntensity { get; set; }

        /// <summary>What should happen in the video (up to 1000 characters). Required for text to video and video to video.</summary>
        [Parameter(ParameterSetName = ImageSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TextSet, Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = VideoSet, Position = 1, ValueFromPipelineByPropertyName = true)] [Alias("PromptText")] [BlankAsNull]
        [TextInput]
        public string? Prompt { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] [ArgumentCompleter(typeof(ModelCompleter))] [BlankAsNull]
        [TextInput]
        public string? Model { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] [ArgumentCompleter(typeof(RatioCompleter))] [BlankAsNull]
        [TextInput]
        public string? Ratio { get; set; }

        /// <summary>Seconds (the model's values or range), or 'auto' where the model chooses (seedance, gemini_omni_flash_1.1).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)] [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)] [ArgumentCompleter(typeof(DurationCompleter))] [BlankAsNull]
        public object? Duration { get; set; }

        /// <summary>What should not appear (veo3.1, veo3.1_fast).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)] [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [BlankAsNull]
        [TextInput]
        public string? NegativePrompt { get; set; }

        /// <summary>Output resolution tier (hailuo3, happyhorse_1_0, grok_imagine_1_5, h3_max).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)] [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)] [ArgumentCompleter(typeof(FieldValueCompleter))] [BlankAsNull]
        [TextInput]
        public string? Resolution { get; set; }

        /// <summary>gen4.5 and aleph2: mp4 (default), prores (.mov), png_sequence (.zip), HDR and 10-bit formats.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)] [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)] [ArgumentCompleter(typeof(FieldValueCompleter))] [BlankAsNull]
        [TextInput]
        public string? OutputFormat { get; set; }

        /// <summary>The ProRes profile, with -OutputFormat prores or hdr_prores.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)] [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)] [ArgumentCompleter(typeof(FieldValueCompleter))] [BlankAsNull]
        [TextInput]
        public string? ProResProfile { get; set; }

        /// <summary>Fields only some models have, by their API name: @{ mode = 'extend' }; checked against the model (Get-RunwayModel lists them).</summary>
        [Parameter(ParameterSetName = ImageSet)] [Parameter(ParameterSetName = TextSet)] [Parameter(ParameterSetName = VideoSet)]
        [ArgumentCompleter(typeof(OptionKeyCompleter))]
        public System.Collections.Hashtable? Option { get; set; }

        /// <summary>Send a -Model this module's catalog does not know, without local checks (a newer API).</summary>
        [Parameter]
        public SwitchParameter AllowUnknownModel { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] [BlankAsNull]
        [WholeNumber]
        public long? Seed { get; set; }

        /// <summary>Veo 3.1: -Audio:$false makes a silent, cheaper video (default: with audio); seedance: -Audio asks for a sound track (also on video to video).</summary>
        [Parameter(ParameterSetName = ImageSet)] [Parameter(ParameterSetName = TextSet)] [Parameter(ParameterSetName = VideoSet)]
        public SwitchParameter Audio { get; set; }

        [Parameter] [ValidateSet("auto", "low")]
        public string? PublicFigureThreshold { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            object? input = Image ?? Video ?? Character;
            bool auto = IsAuto(Duration);
            if (Plain(Duration) is string text && !auto && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                throw new RunwayInputException($"-Duration '{text}' is not a number of seconds (invariant: 4.5, not 4,5) or 'auto'; nothing was sent for this input.", nameof(Duration), "Runway.InvalidPipelineValue", text);
            var spec = new VideoSpec
            {
                Model = ModelFor(input, Model),
                Prompt = TypedUnlessFromTask(input, nameof(Prompt), Prompt),
                Ratio = Ratio,
                Duration = auto || Duration == null || !LanguagePrimitives.TryConvertTo(Plain(Duration), out double seconds) ? (double?)null : seconds,
                DurationAuto = auto,
                Seed = Seed,
                Audio = Bound(nameof(Audio)) ? Audio.IsPresent : (bool?)null,
                PublicFigureThreshold = PublicFigureThreshold,
                MediaResolver = MediaResolver,
                AllowUnknownModel = AllowUnknownModel,
            };
            AddValues(spec.Values, (nameof(NegativePrompt), NegativePrompt), (nameof(Resolution), Resolution), (nameof(OutputFormat), OutputFormat),
                (nameof(ProResProfile), ProResProfile), (nameof(ReferenceAudio), ReferenceAudio), (nameof(ReferenceVideo), ReferenceVideo),
                (nameof(Keyframe), Keyframe), (nameof(ReferenceImage), ReferenceImage));
            AddOptions(Option, spec.Options);
            if (!auto && spec.Duration == null && Plain(Duration) is object duration) spec.Values[nameof(Duration)] = duration;
            switch (ParameterSetName)
            {
                case ImageSet when InputBinder.IsRecordWithoutMedia(Image, nameof(Image), this):
                    // A piped record (a CSV row) with no image is a text-to-video shot.
                    spec.Endpoint = Endpoints.TextToVideo;
                    break;
                case ImageSet when Plain(Image) is System.Collections.Generic.List<object> images && images.Count > 1:
                    spec.Endpoint = Endpoints.ImageToVideo;
                    spec.Images = images;
                    spec.LastFrame = Media(LastFrame, nameof(LastFrame), MediaKind.Image);
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
                    break;
                case CharacterSet:
                    spec.Endpoint = Endpoints.CharacterPerformance;
                    spec.Character = Media(Character, nameof(Character), CharacterKeys, MediaKind.Image, MediaKind.Video);
                    spec.CharacterType = RecordKeys.Value(InputBinder.Unwrap(Character), "Type")?.ToString();
                    spec.Reference = Media(Reference, nameof(Reference), MediaKind.Video);
                    spec.BodyControl = Bound(nameof(BodyControl)) ? BodyControl.IsPresent : (bool?)null;
                    spec.ExpressionIntensity = ExpressionIntensity;
                    break;
            }
            GenerationRequest request = WarnIfUnvalidated(RequestBuilder.Video(spec));
            request.Source = InputBinder.Unwrap(input) ?? Prompt;
            return request;
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
