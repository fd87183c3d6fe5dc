using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a multi_shot_video recipe task: a multi-cut video from a story prompt (auto) or a list of 3–5 shots (custom).</summary>
    [Cmdlet(VerbsCommon.New, "RunwayMultiShotVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayMultiShotVideo.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayMultiShotVideoCommand : RecipeCmdlet
    {
        /// <summary>The story (mode auto: the recipe decomposes it into five shots).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        [TextInput(typeof(RunwayTask))]
        public string? Prompt { get; set; }

        /// <summary>Mode custom: 3–5 shots, each @{ Duration = seconds; Prompt = '...' }; their durations add up to -Duration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Shots")]
        [BlankAsNull]
        public object[]? Shot { get; set; }

        /// <summary>auto (with -Prompt) or custom (with -Shot); by default, custom when -Shot is given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RecipeChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Mode { get; set; }

        /// <summary>5, 10 (the default) or 15 seconds; with -Shot, the shots' sum when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        /// <summary>1280:720 (the default), 720:1280, 960:960 (standard tier); 1920:1080, 1080:1920, 1440:1440 (pro tier).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Ratio { get; set; }

        /// <summary>An image to use as the first frame.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Image")]
        [BlankAsNull]
        public object? FirstFrame { get; set; }

        /// <summary>Generate audio for the video (-Audio:$false asks for none).</summary>
        [Parameter]
        public SwitchParameter Audio { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.MultiShotVideo(new MultiShotSpec
            {
                Version = Version,
                Prompt = Prompt,
                Shots = Shots(Shot, nameof(Shot), RecipeCatalog.MultiShotVideo),
                Mode = Mode,
                Duration = Duration,
                Ratio = Ratio,
                FirstFrame = Media(FirstFrame, nameof(FirstFrame), MediaKind.Image),
                Audio = Flag(nameof(Audio), Audio),
            });
            request.Source = (object?)Prompt ?? Shot;
            return request;
        }
    }
}
