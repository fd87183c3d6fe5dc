using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Uploads local files as ephemeral Runway assets (24 h) and outputs their runway:// URIs for any media parameter.</summary>
    [Cmdlet(VerbsCommunications.Send, "RunwayFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = RunwayCmdlet.HelpUriBase + "Send-RunwayFile.md")]
    [OutputType(typeof(RunwayUpload))]
    public sealed class SendRunwayFileCommand : RunwayCmdlet
    {
        private const int ActivityId = 0x52575546;

        /// <summary>Files to upload; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string pattern in Path)
            {
                System.Collections.ObjectModel.Collection<string> files;
                try
                {
                    files = SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out ProviderInfo provider);
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "Runway.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                foreach (string file in files)
                    Upload(file);
            }
        }

        private void Upload(string file)
        {
            MediaSource source;
            try
            {
                source = MediaSource.From(file, "Path", p => p, MediaKind.Image, MediaKind.Video, MediaKind.Audio);
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, file));
                return;
            }
            if (!ShouldProcess(file, $"Upload {source.Length:N0} bytes ({source.Format.Name})"))
                return;
            string name = System.IO.Path.GetFileName(file);
            RunForItem(file, async token =>
            {
                RunwayUpload upload = await new Uploader(Api.Client, this).UploadAsync(file, source.Format, TransferProgress.Upload(this, name), token).ConfigureAwait(false);
                OnPipeline(() => WriteObject(upload));
            });
        }
    }
}
