using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a dubbing task: the speech of an audio file (or MP4 video) translated and spoken in another language.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayDubbing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayDubbing.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayDubbingCommand : GenerationCmdlet
    {
        /// <summary>The speech to dub: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AudioUri", "FullName")]
        [ValidateNotNull]
        public object Audio { get; set; } = null!;

        /// <summary>The language to dub into, as a code (es, fr, de, ...; Tab completes).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetLang", "Language")]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        [TextInput]
        public string TargetLanguage { get; set; } = null!;

        /// <summary>Speak with generic voices instead of clones of the original speakers.</summary>
        [Parameter]
        public SwitchParameter DisableVoiceCloning { get; set; }

        /// <summary>Leave out the background sound; keep only the dubbed speech.</summary>
        [Parameter]
        public SwitchParameter DropBackgroundAudio { get; set; }

        /// <summary>How many people speak (1 or more); left out, the model counts them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("NumSpeakers")]
        [BlankAsNull]
        [WholeNumber]
        public int? SpeakerCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.Dubbing(new DubbingSpec
            {
                Model = ModelFor(Audio, Model),
                Audio = Media(Audio, nameof(Audio), MediaKind.Audio, MediaKind.Video),
                TargetLanguage = TargetLanguage,
                DisableVoiceCloning = Switch(nameof(DisableVoiceCloning), DisableVoiceCloning),
                DropBackgroundAudio = Switch(nameof(DropBackgroundAudio), DropBackgroundAudio),
                SpeakerCount = SpeakerCount,
            });
            request.Source = InputBinder.Unwrap(Audio);
            return request;
        }

        private bool? Switch(string name, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : (bool?)null;
    }
}
