using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an audio task through a Model Router (POST /v1/generate/audio): speech or a described sound, the router picks the model.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayRoutedAudio", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayRoutedAudio.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayRoutedAudioCommand : RoutedGenerationCmdlet
    {
        /// <summary>speech: the words to say; audio: a description of the sound (speech, music, ambience, effects).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText", "Text")]
        [TextInput(typeof(RunwayTask))]
        public string Prompt { get; set; } = null!;

        /// <summary>speech (say -Prompt word for word) or audio (-Prompt describes the sound).</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(RoutedValueCompleter))]
        public string Type { get; set; } = null!;

        /// <summary>speech: a Runway preset voice.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VoiceCompleter))]
        public string? Voice { get; set; }

        /// <summary>speech: a clip whose voice is cloned (routes only to models that clone voices).</summary>
        [Parameter]
        public object? VoiceSample { get; set; }

        /// <summary>audio: length in seconds; models that cannot honor it are not picked.</summary>
        [Parameter]
        public double? Duration { get; set; }

        /// <summary>audio: make it loop seamlessly (-Loop:$false asks for no loop).</summary>
        [Parameter]
        public SwitchParameter Loop { get; set; }

        /// <summary>audio: up to three clips, named in -Prompt as @Audio1, @Audio2, @Audio3.</summary>
        [Parameter]
        public object[]? ReferenceAudio { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var spec = new RoutedAudioSpec
            {
                Router = Router,
                Prompt = Prompt,
                Type = Type,
                Voice = Voice,
                VoiceSample = VoiceSample == null ? null : Media(VoiceSample, nameof(VoiceSample), MediaKind.Audio, MediaKind.Video),
                Duration = Duration,
                Loop = MyInvocation.BoundParameters.ContainsKey(nameof(Loop)) ? Loop.IsPresent : (bool?)null,
            };
            spec.References.AddRange(MediaList(ReferenceAudio, nameof(ReferenceAudio), MediaKind.Audio));
            return Priced(RoutedRequestBuilder.Audio(spec), router => router.MaxAudioCredits, Prompt);
        }
    }
}
