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
        public string Prompt { get; set; }

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
        public string Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.SoundEffect(new SoundEffectSpec
            {
                Model = Model,
                Prompt = Prompt,
                Duration = Duration,
                Loop = MyInvocation.BoundParameters.ContainsKey(nameof(Loop)) ? Loop.IsPresent : (bool?)null,
            });
            request.Source = Prompt;
            return request;
        }
    }
}
