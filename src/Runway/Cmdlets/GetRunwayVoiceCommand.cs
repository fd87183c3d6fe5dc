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
    public sealed class GetRunwayVoiceCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("VoiceId")]
        [ArgumentCompleter(typeof(CustomVoiceCompleter))]
        [ResourceIdInput("voice", typeof(RunwayVoice))]
        public string[]? Id { get; set; }

        /// <summary>Start at this cursor (from an earlier listing stopped by -First: its information record tagged Runway.NextCursor).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Cursor { get; set; }

        /// <summary>Items per request (the API's limit); by default as many as -Skip + -First need, at most 100.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int PageSize { get; set; }

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
