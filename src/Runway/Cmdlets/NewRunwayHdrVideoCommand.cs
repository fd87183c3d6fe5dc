using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a video to HDR task (ruby): HDR10 or HLG MP4, ProRes MOV, or a ZIP of OpenEXR frames.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayHdrVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayHdrVideo.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayHdrVideoCommand : GenerationCmdlet
    {
        /// <summary>The SDR video: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished video task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoUri", "FullName")]
        [ValidateNotNull]
        public object Video { get; set; } = null!;

        /// <summary>hdr10 (default), hlg, hdr_prores, hdr_exr_sequence, hdr_exr_acescg_sequence_1_3 or hdr_exr_acescg_sequence_2_0.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? OutputFormat { get; set; }

        /// <summary>With -OutputFormat hdr_prores: '422 HQ' (default), '422' or '4444'.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnhanceChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? ProResProfile { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.Hdr(new HdrSpec
            {
                Model = ModelFor(Video, Model),
                Video = Media(Video, nameof(Video), MediaKind.Video),
                OutputFormat = OutputFormat,
                ProResProfile = ProResProfile,
            });
            request.Source = Video;
            return request;
        }
    }
}
