using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Gets custom voices by id, or lists them all (newest first, page by page).</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayVoice", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayVoice.md")]
    [OutputType(typeof(RunwayVoice))]
    public sealed class GetRunwayVoiceCommand : RunwayCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("VoiceId")]
        [ArgumentCompleter(typeof(CustomVoiceCompleter))]
        public string[] Id { get; set; }

        protected override void OnRecord()
        {
            if (ParameterSetName == ListSet)
            {
                PagedOutput.Write(this, AvatarApi.Voices, null, AvatarApi.ReadVoice);
                Seen.Voices.Listed = true;
                return;
            }
            foreach (string id in ValidIds(Id, "voice"))
                RunForItem(id, async token =>
                {
                    RunwayVoice voice = await Api.GetAsync(AvatarApi.Voices, id, AvatarApi.ReadVoice, token).ConfigureAwait(false);
                    OnPipeline(() => WriteObject(voice));
                });
        }
    }
}
