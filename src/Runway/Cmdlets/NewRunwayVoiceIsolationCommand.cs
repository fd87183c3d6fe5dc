using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a voice isolation task: the voice of an audio file (or MP4 video) without its background sound.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayVoiceIsolation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayVoiceIsolation.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayVoiceIsolationCommand : GenerationCmdlet
    {
        /// <summary>The recording (4.6 s to 1 hour): a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AudioUri", "FullName")]
        [ValidateNotNull]
        public object Audio { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.VoiceIsolation(new VoiceIsolationSpec
            {
                Model = ModelFor(Audio, Model),
                Audio = Media(Audio, nameof(Audio), MediaKind.Audio, MediaKind.Video),
            });
            request.Source = InputBinder.Unwrap(Audio);
            return request;
        }
    }
}
