using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Uploads local files as ephemeral Runway assets (24 h) and outputs their runway:// URIs for any media parameter.</summary>
    [Cmdlet(VerbsCommunications.Send, "RunwayFile", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = RunwayCmdlet.HelpUriBase + "Send-RunwayFile.md")]
    [OutputType(typeof(RunwayUpload))]
    public sealed class SendRunwayFileCommand : RunwayCmdlet
    {
        private const int ActivityId = 0x52575546;

        private const string PathSet = "Path";
        private const string LiteralSet = "LiteralPath";

        /// <summary>Files to upload; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        [TextInput]
        public string[]? Path { get; set; }

        /// <summary>Files to upload, taken exactly as typed ([ and ] are not wildcards); piped files bind here by PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        [TextInput]
        public string[]? LiteralPath { get; set; }

        /// <summary>
        /// Metadata sent with every file as the upload form's 'metadata' field (the SDK's fileMetadata: a string;
        /// the SDK states no format or length, so any text is sent as given).
        /// </summary>
        [Parameter]
        [Alias("FileMetadata")]
        public string? Metadata { get; set; }

        protected override void OnRecord()
        {
            bool literal = ParameterSetName == LiteralSet;
            foreach (string pattern in (literal ? LiteralPath : Path) ?? System.Array.Empty<string>())
            {
                System.Collections.ObjectModel.Collection<string> files;
                try
                {
                    files = literal ? Literal(pattern) : SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out ProviderInfo provider);
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "Runway.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                if (files.Count == 0)
                    WriteError(new ErrorRecord(new ItemNotFoundException($"No file matches '{pattern}'. A name with [ or ] in it needs -LiteralPath."),
                        "Runway.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
                foreach (string file in files)
                    Upload(file);
            }
        }

        /// <summary>One path as typed, through the provider (relative to the location, PSPath-qualified ones too), never expanded.</summary>
        private System.Collections.ObjectModel.Collection<string> Literal(string path)
        {
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new ItemNotFoundException($"Cannot find path '{full}' because it does not exist.");
            return new System.Collections.ObjectModel.Collection<string> { full };
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
            if (!ShouldProcess(file, $"Upload {source.Length:N0} bytes ({source.ContentFormat.Name})"))
                return;
            string name = System.IO.Path.GetFileName(file);
            RunForItem(file, async token =>
            {
                RunwayUpload upload = await new Uploader(Api.Client, this).UploadAsync(file, source.ContentFormat, TransferProgress.Upload(this, name), token, Metadata).ConfigureAwait(false);
                OnPipeline(() => WriteObject(upload));
            });
        }
    }
}
