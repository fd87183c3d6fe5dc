using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a video task through a Model Router (POST /v1/generate/video): a model-agnostic input, the router picks the model.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayRoutedVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayRoutedVideo.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayRoutedVideoCommand : RoutedGenerationCmdlet
    {
        /// <summary>What the video shows.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        [BlankAsNull]
        [TextInput(typeof(RunwayTask))]
        public string? Prompt { get; set; }

        /// <summary>What to avoid in the output.</summary>
        [Parameter]
        public string? NegativePrompt { get; set; }

        /// <summary>16:9, 9:16, 1:1, 4:3, 3:4 or 21:9; models that cannot make it are not picked.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RoutedValueCompleter))]
        public string? AspectRatio { get; set; }

        /// <summary>480p, 720p, 1080p or 4k.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RoutedValueCompleter))]
        public string? Resolution { get; set; }

        /// <summary>Length in seconds; models that cannot make it are not picked.</summary>
        [Parameter]
        public double? Duration { get; set; }

        /// <summary>-Audio: only models with native audio; -Audio:$false: silent models or models with an audio switch.</summary>
        [Parameter]
        public SwitchParameter Audio { get; set; }

        [Parameter]
        [WholeNumber]
        public long? Seed { get; set; }

        [Parameter]
        [ValidateSet("auto", "low")]
        public string? PublicFigureThreshold { get; set; }

        /// <summary>The first frame (role first).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FirstFrame")]
        public object? Image { get; set; }

        /// <summary>The last frame (role last).</summary>
        [Parameter]
        public object? LastFrame { get; set; }

        /// <summary>Reference images (role reference), or records @{ Uri = ...; Role = 'first'|'last'|'reference' }.</summary>
        [Parameter]
        public object[]? ReferenceImage { get; set; }

        /// <summary>The source video of a video-to-video restyle (role source).</summary>
        [Parameter]
        [Alias("SourceVideo")]
        public object? Video { get; set; }

        /// <summary>Context videos (role reference), or records @{ Uri = ...; Role = 'source'|'reference' }.</summary>
        [Parameter]
        public object[]? ReferenceVideo { get; set; }

        [Parameter]
        public object[]? ReferenceAudio { get; set; }

        /// <summary>Timed guidance images for a restyle (needs -Video): @{ Seconds = 2; Image = 'frame.png' } (or At; StartSeconds/EndSeconds for a range).</summary>
        [Parameter]
        public object[]? Keyframe { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var spec = new RoutedVideoSpec
            {
                Router = Router,
                Prompt = Prompt,
                NegativePrompt = NegativePrompt,
                AspectRatio = AspectRatio,
                Resolution = Resolution,
                Duration = Duration,
                Audio = MyInvocation.BoundParameters.ContainsKey(nameof(Audio)) ? Audio.IsPresent : (bool?)null,
                Seed = Seed,
                PublicFigureThreshold = PublicFigureThreshold,
            };
            if (Image != null) spec.Images.Add(WithRole(Image, nameof(Image), MediaKind.Image, "first"));
            if (LastFrame != null) spec.Images.Add(WithRole(LastFrame, nameof(LastFrame), MediaKind.Image, "last"));
            foreach (object item in ReferenceImage ?? System.Array.Empty<object>()) spec.Images.Add(WithRole(item, nameof(ReferenceImage), MediaKind.Image, "reference"));
            if (Video != null) spec.Videos.Add(WithRole(Video, nameof(Video), MediaKind.Video, "source"));
            foreach (object item in ReferenceVideo ?? System.Array.Empty<object>()) spec.Videos.Add(WithRole(item, nameof(ReferenceVideo), MediaKind.Video, "reference"));
            spec.Audios.AddRange(MediaList(ReferenceAudio, nameof(ReferenceAudio), MediaKind.Audio));
            foreach (object item in Keyframe ?? System.Array.Empty<object>()) spec.Keyframes.Add(KeyframeFrom(item));
            return Priced(RoutedRequestBuilder.Video(spec), router => router.MaxVideoCredits, (object?)Prompt ?? Router);
        }
    }
}
