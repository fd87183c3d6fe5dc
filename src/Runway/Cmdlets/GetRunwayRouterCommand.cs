using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Lists the Model Router configurations page by page (-First/-Skip), or gets routers by id.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayRouter", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayRouter.md")]
    [OutputType(typeof(RunwayRouter))]
    public sealed class GetRunwayRouterCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Routers by id or slug; a router piped in binds its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [Alias("RouterId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("router", typeof(RunwayRouter))]
        [ArgumentCompleter(typeof(RouterIdCompleter))]
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
                PagedOutput.Write(this, RouterApi.ListPath, null, RunwayRouter.FromJson);
                return;
            }
            foreach (string id in ValidIds(Id, "router"))
            {
                RunwayRouter? router = null;
                if (RunForItem(id, async token => router = await Api.GetRouterAsync(await RouterNames.IdAsync(Api, id, nameof(Id), token).ConfigureAwait(false), token).ConfigureAwait(false))) WriteObject(router);
            }
        }
    }
}
