using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Gets custom avatars by id, or lists them all (newest first, page by page).</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayAvatar", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayAvatar.md")]
    [OutputType(typeof(RunwayAvatar))]
    public sealed class GetRunwayAvatarCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("AvatarId")]
        [ArgumentCompleter(typeof(CustomAvatarCompleter))]
        [ResourceIdInput("avatar", typeof(RunwayAvatar))]
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
                PagedOutput.Write(this, AvatarApi.Avatars, null, AvatarApi.ReadAvatar);
                Seen.Avatars.Listed = true;
                return;
            }
            foreach (string id in ValidIds(Id, "avatar"))
                RunForItem(id, async token =>
                {
                    RunwayAvatar avatar = await Api.GetAsync(AvatarApi.Avatars, id, AvatarApi.ReadAvatar, token).ConfigureAwait(false);
                    OnPipeline(() => WriteObject(avatar));
                });
        }
    }
}
