using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a sound effect task from a description.</summary>
    [Cmdlet(VerbsCommon.New, "RunwaySoundEffect", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwaySoundEffect.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwaySoundEffectCommand : GenerationCmdlet
    {
        /// <summary>What the sound is (up to 3000 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        [TextInput(typeof(RunwayTask))]
        public string Prompt { get; set; } = null!;

        /// <summary>Length in seconds (0.5–30); left out, the model chooses.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        /// <summary>Make the sound loop seamlessly.</summary>
        [Parameter]
        public SwitchParameter Loop { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        /// <summary>seed_audio: up to three reference clips, mentioned in the prompt as @Audio1, @Audio2, @Audio3.</summary>
        [Parameter]
        public object[]? ReferenceAudio { get; set; }

        /// <summary>seed_audio: wav, mp3 or ogg_opus.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldValueCompleter))]
        public string? OutputFormat { get; set; }

        /// <summary>Fields only some models have, by their API name: @{ sampleRate = 48000 }; checked against the model.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OptionKeyCompleter))]
        public System.Collections.Hashtable? Option { get; set; }

        /// <summary>Send a -Model this module's catalog does not know, without local checks (a newer API).</summary>
        [Parameter]
        public SwitchParameter AllowUnknownModel { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var spec = new SoundEffectSpec
            {
                Model = Model,
                Prompt = Prompt,
                Duration = Duration,
                Loop = MyInvocation.BoundParameters.ContainsKey(nameof(Loop)) ? Loop.IsPresent : (bool?)null,
                MediaResolver = MediaResolver,
                AllowUnknownModel = AllowUnknownModel,
            };
            AddValues(spec.Values, (nameof(ReferenceAudio), ReferenceAudio), (nameof(OutputFormat), OutputFormat));
            AddOptions(Option, spec.Options);
            GenerationRequest request = WarnIfUnvalidated(RequestBuilder.SoundEffect(spec));
            request.Source = Prompt;
            return request;
        }
    }
}
