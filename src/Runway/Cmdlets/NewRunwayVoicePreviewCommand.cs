using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Generates a short audio preview of a voice description (nothing is created), optionally saved as an MP3.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayVoicePreview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayVoicePreview.md")]
    [OutputType(typeof(RunwayVoicePreview))]
    [OutputType(typeof(FileInfo))]
    public sealed class NewRunwayVoicePreviewCommand : ResourceCmdlet
    {
        /// <summary>What the voice sounds like (at least 20 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [TextInput(typeof(RunwayVoicePreview))]
        public string Prompt { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(VoiceDesignModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        /// <summary>Save the preview to this file and output the FileInfo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Overwrite an existing -OutFile.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private OutputDestination? destination;

        protected override void OnBegin()
        {
            // The same checks as every -OutFile: folder, permissions, name, an existing file; before anything is sent.
            destination = OutputDestination.FromOutParameters(this, OutFile, null, Force);
        }

        protected override void OnRecord()
        {
            string? model = null, prompt = null, target = null;
            bool valid = Build(() =>
            {
                model = AvatarRequests.VoiceModel(Model);
                prompt = AvatarRequests.VoicePrompt(Prompt);
                target = destination?.Target.Path;
                return (object)model;
            }, Prompt) != null;
            if (valid && destination != null && !destination.TryClaim())
            {
                WriteError(destination.OneFileForManyTasks($"Not sent: \"{prompt}\".", Prompt));
                return;
            }
            if (!valid || model == null || prompt == null || !ShouldProcess($"\"{prompt}\" ({model})", "Preview a designed voice"))
                return;
            RunForItem(Prompt, async token =>
            {
                RunwayVoicePreview preview = await Api.PreviewVoiceAsync(model, prompt, token).ConfigureAwait(false);
                if (target == null)
                {
                    OnPipeline(() => WriteObject(preview));
                    return;
                }
                string url = preview.Url ?? throw new RunwayApiException($"Runway API: the response to POST /{AvatarApi.Voices}/preview had no url.",
                    "POST", $"/{AvatarApi.Voices}/preview", 200, null, null, AttemptOutcome.Response, false);
                string saved = await new Downloader(Api.Client.Configuration, this).DownloadAsync(url, _ => target, Force, null, token).ConfigureAwait(false);
                OnPipeline(() => WriteObject(new FileInfo(saved)));
            }, ErrorPhase.Save);
        }
    }
}
